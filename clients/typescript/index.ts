/**
 * The typed Ledgerline client: openapi-fetch over the types openapi-typescript generates from the
 * committed OpenAPI document (ledgerline.d.ts, rewritten by `npm run generate`). Paths, query
 * parameters, bodies and responses are checked by the compiler; this file only adds what the
 * document cannot say: credentials, errors as a typed exception, and cursor iteration.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './ledgerline';

export type { components, paths };
export type Schemas = components['schemas'];
/** Every code an error body can carry (the document's ErrorCode enum). */
export type ErrorCode = Schemas['ErrorCode'];
export type ErrorBody = Schemas['ErrorBodyDto'];
export type LedgerlineClient = Client<paths>;

export interface ClientOptions {
  /** Where the API is served, e.g. http://localhost:3000 (paths start with /api). */
  baseUrl: string;
  /** A session token from POST /api/auth/login, or a service API key (llk_...). */
  token?: string;
  /** With an API key holding the act-as-user scope: the user the service acts for. */
  actAsUser?: string;
  fetch?: typeof fetch;
}

export function createLedgerlineClient(options: ClientOptions): LedgerlineClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  client.use({
    onRequest({ request }) {
      if (options.token) request.headers.set('Authorization', `Bearer ${options.token}`);
      if (options.actAsUser) request.headers.set('X-Act-As-User', options.actAsUser);
      return request;
    },
  });
  return client;
}

/** A non-2xx answer: the API's error body, with its code narrowed to the ErrorCode union. */
export class LedgerlineError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly requestId: string;
  readonly details: unknown;
  /** From Retry-After (429, 503), when the server sent it. */
  readonly retryAfterSeconds: number | undefined;

  constructor(body: ErrorBody, response: Response) {
    super(`${body.statusCode} ${body.code}: ${body.message}`);
    this.name = 'LedgerlineError';
    this.code = body.code;
    this.status = body.statusCode;
    this.requestId = body.requestId;
    this.details = body.details;
    const retry = response.headers.get('retry-after');
    this.retryAfterSeconds = retry === null ? undefined : Number(retry);
  }
}

export function isLedgerlineError<C extends ErrorCode>(
  e: unknown,
  ...codes: C[]
): e is LedgerlineError & { code: C } {
  return e instanceof LedgerlineError && (codes.length === 0 || codes.includes(e.code as C));
}

type Result<T> = { data?: T; error?: unknown; response: Response };

function isErrorBody(v: unknown): v is ErrorBody {
  return typeof v === 'object' && v !== null && 'code' in v && 'statusCode' in v;
}

/** The data of a call, or a LedgerlineError (a body that is not the API's becomes one too). */
export async function ok<T>(call: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  throw new LedgerlineError(
    isErrorBody(error)
      ? error
      : {
          statusCode: response.status,
          error: response.statusText,
          code: response.status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST',
          message: typeof error === 'string' ? error : 'unexpected error response',
          requestId: response.headers.get('x-request-id') ?? '',
        },
    response,
  );
}

interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
  hasMore: boolean;
}

/**
 * Walks a list page by page. `fetchPage` gets the cursor to send (undefined for the first page)
 * and passes it on unchanged: cursors are opaque and only the API that issued them reads them.
 */
export async function* pages<T>(
  fetchPage: (cursor: string | undefined) => Promise<Result<PageOf<T>>>,
): AsyncGenerator<T[], void, undefined> {
  let cursor: string | undefined;
  for (;;) {
    const page = await ok(fetchPage(cursor));
    yield page.items;
    if (!page.hasMore || page.nextCursor === null) return;
    cursor = page.nextCursor;
  }
}

/** The items of every page, one at a time. */
export async function* items<T>(
  fetchPage: (cursor: string | undefined) => Promise<Result<PageOf<T>>>,
): AsyncGenerator<T, void, undefined> {
  for await (const page of pages(fetchPage)) yield* page;
}
