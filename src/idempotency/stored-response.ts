import type { Request } from 'express';

/** The first response of an `Idempotency-Key` write, to be remembered for its retries. */
export interface StoredResponse {
  principal: string;
  key: string;
  status: number;
  body: unknown;
}

const pending = new WeakMap<Request, StoredResponse>();

/**
 * The idempotency interceptor hands the response to the audit interceptor, which stores it with
 * the request's audit row in one statement at the end of the same transaction: one round trip
 * per keyed write fewer, and the response still commits or rolls back with the change.
 */
export function leaveResponseToStore(req: Request, response: StoredResponse): void {
  pending.set(req, response);
}

/** The response left by leaveResponseToStore, taken (a second call gets nothing). */
export function takeResponseToStore(req: Request): StoredResponse | undefined {
  const response = pending.get(req);
  pending.delete(req);
  return response;
}
