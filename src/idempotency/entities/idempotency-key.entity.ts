import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { AdminTable } from '../../auth/policy/table-access';

/**
 * The first response to a request sent with an Idempotency-Key, per user. Not one of the
 * platform's 56 tables: the service's own bookkeeping. It has no foreign key to users on
 * purpose (rows are short-lived and deleted with the user by UsersService.remove), so the
 * schema keeps exactly the 47 keys of the reference.
 */
@AdminTable()
@Entity('idempotency_keys')
@Index('idempotency_keys_expires_at_idx', ['expiresAt'])
export class IdempotencyKey {
  @PrimaryColumn('uuid')
  userId!: string;

  @PrimaryColumn('text')
  key!: string;

  /** SHA-256 of method, path and body: the same key with another request is refused. */
  @Column('text')
  requestHash!: string;

  @Column('integer', { nullable: true })
  responseStatus!: number | null;

  @Column('jsonb', { nullable: true })
  responseBody!: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz')
  expiresAt!: Date;
}
