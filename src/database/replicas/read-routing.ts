import type { Lsn } from './lsn';
import type { Replica } from './replica';

/**
 * Sent on every write response (the primary's WAL position once the write committed) and read
 * on GET requests (no replica behind this position may answer), so a client that talks to
 * several app instances keeps read-your-writes without sticky sessions.
 */
export const LSN_HEADER = 'X-Ledgerline-Lsn';

/** The CLS key of a request's read routing; absent: every read goes to the primary. */
export const READ_ROUTING = 'ledgerline.readRouting';

export interface ReadRouting {
  /** The position a replica must have replayed to answer this request (null: any in rotation). */
  requiredLsn: Lsn | null;
  /** Chosen at the first read, then kept: one request reads one server's consistent state. */
  target?: Replica | 'primary';
}

export const READ_METHODS = new Set(['GET', 'HEAD']);
