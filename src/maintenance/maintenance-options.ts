export interface MaintenanceOptions {
  /** Audit months whose end is older than this many days are dropped. */
  auditRetentionDays: number;
  /** Failed-login counters older than this (and unlocked) are over: LOGIN_LOCKOUT_SECONDS. */
  loginLockoutSeconds: number;
}
