import { Client } from 'pg';

/**
 * A copy of the seeded database (CREATE DATABASE ... TEMPLATE, a file copy) named `target`, on
 * which `work` runs through its own connection; the bench's variants of the data set start so.
 */
export async function withTemplateCopy<T>(
  admin: Client,
  source: string,
  target: string,
  targetUrl: string,
  work: (copy: Client) => Promise<T>,
): Promise<T> {
  await admin.query(`CREATE DATABASE "${target}" TEMPLATE "${source}"`);
  const c = new Client({ connectionString: targetUrl });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}
