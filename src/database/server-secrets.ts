import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * The key named `name` from server_secrets, generated (32 random bytes, as hex) and stored by
 * whichever instance asks first. Instances starting at the same moment all try the INSERT; the
 * primary key lets exactly one win (the others' ON CONFLICT DO NOTHING waits for the winner's
 * commit), and every one then reads the same stored row, so all of them agree.
 *
 * Runs on the primary (DataSource.query), never a replica that may not have the row yet.
 */
export async function sharedServerSecret(ds: DataSource, name: string): Promise<string> {
  try {
    await ds.query(
      `INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
      [name, randomBytes(32).toString('hex')],
    );
    const rows = await ds.query<Array<{ value: string }>>(
      `SELECT value FROM server_secrets WHERE name = $1`,
      [name],
    );
    if (rows.length === 1) return rows[0].value;
  } catch (e) {
    // Only the statement's failure is reported, never the value it held.
    throw new Error(
      `could not read or store the server secret "${name}" in server_secrets (are the migrations applied?): ${(e as Error).message}`,
    );
  }
  throw new Error(`server secret "${name}" vanished right after it was stored`);
}
