import type { DataSource, EntitySubscriberInterface, TransactionStartEvent } from 'typeorm';

/**
 * Behind PgBouncer in transaction pooling a server connection serves another client after each
 * transaction, so nothing may be set for a session: the statement timeout becomes SET LOCAL,
 * which dies with the transaction. Statements outside a transaction get the role's default
 * (ALTER ROLE ... SET statement_timeout, see docs/SCALING.md).
 */
class LocalStatementTimeout implements EntitySubscriberInterface {
  constructor(private readonly ms: number) {}

  async afterTransactionStart(event: TransactionStartEvent): Promise<void> {
    await event.queryRunner.query(`SET LOCAL statement_timeout = ${this.ms}`);
  }
}

export function useLocalStatementTimeout(ds: DataSource, ms: number): void {
  if (ms > 0) ds.subscribers.push(new LocalStatementTimeout(Math.trunc(ms)));
}
