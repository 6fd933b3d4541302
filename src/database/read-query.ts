import type { Tx } from './transaction';

/**
 * A hand-written read. Inside a transaction it runs there; outside one it asks for a "slave"
 * connection, as TypeORM's own query builders do, so with replicas configured it is routed like
 * every other plain read (the replica chosen for the request, or the primary). A raw
 * `manager.query` would always take the primary.
 */
export async function readQuery<T>(tx: Tx, sql: string, params: unknown[]): Promise<T[]> {
  if (tx.isTransactionActive()) return (await tx.tx.query(sql, params)) as T[];
  const runner = tx.tx.connection.createQueryRunner('slave');
  try {
    return (await runner.query(sql, params)) as T[];
  } finally {
    await runner.release();
  }
}
