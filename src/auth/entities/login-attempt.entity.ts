import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AdminTable } from '../policy/table-access';

/**
 * Failed-login counters shared by every app instance (one row per throttled key: a
 * username+address pair, or an address alone), and the signup counters per address (`signup:`
 * keys, whose `locked_until` is the end of their window; see SignupThrottle). The migration
 * creates the table UNLOGGED: the counters are worth nothing after a crash, and skipping the WAL
 * keeps a login flood cheap.
 */
@AdminTable()
@Entity('login_attempts')
@Index('login_attempts_updated_at_idx', ['updatedAt'])
export class LoginAttempt {
  @PrimaryColumn('text')
  key!: string;

  @Column('integer', { default: 0 })
  failures!: number;

  @Column('timestamptz')
  windowStartedAt!: Date;

  @Column('timestamptz', { nullable: true })
  lockedUntil!: Date | null;

  /** When a failed login for this key was last written to the audit log (at most once a minute). */
  @Column('timestamptz', { nullable: true })
  lastAuditedAt!: Date | null;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt!: Date;
}
