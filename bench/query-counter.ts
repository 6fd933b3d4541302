import { Client } from 'pg';

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * Records every statement any pg client of this process sends (the app's pool included), so a
 * test can count what one request costs. Install once per test file.
 */
export class QueryCounter {
  private log: Statement[] = [];
  private original?: typeof Client.prototype.query;

  install(): this {
    const original = Client.prototype.query;
    this.original = original;
    const record = (s: Statement) => this.log.push(s);
    Client.prototype.query = function patched(this: Client, ...args: unknown[]) {
      const [first, second] = args as [unknown, unknown];
      if (typeof first === 'string')
        record({ text: first, values: Array.isArray(second) ? second : [] });
      else if (first && typeof first === 'object' && 'text' in first) {
        const q = first as { text: string; values?: unknown[] };
        record({ text: q.text, values: q.values ?? [] });
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
    return this;
  }

  uninstall(): void {
    if (this.original) Client.prototype.query = this.original;
  }

  /** Runs `fn` and returns what it sent. */
  async during<T>(fn: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
    this.log = [];
    const result = await fn();
    const statements = this.log;
    this.log = [];
    return { result, statements };
  }
}
