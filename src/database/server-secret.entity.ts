import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { AdminTable } from '../auth/policy/table-access';

/**
 * Keys the service generates for itself when the operator gives none (today: the list cursors'
 * signing key, when CURSOR_SECRET is unset). Not one of the platform's 56 tables: kept in the
 * database so every instance signs with the same key and a restart keeps issued cursors valid.
 * No route reads it; it is admin-only so the access policy covers it like every table.
 */
@AdminTable()
@Entity('server_secrets')
export class ServerSecret {
  /** What the key is for, e.g. `cursor`. */
  @PrimaryColumn('text')
  name!: string;

  /** The key itself (hex of random bytes). Never logged, never returned. */
  @Column('text')
  value!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
