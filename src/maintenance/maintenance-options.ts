export interface MaintenanceOptions {
  /** Audit months whose end is older than this many days are dropped. */
  auditRetentionDays: number;
}
