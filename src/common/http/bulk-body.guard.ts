import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';
import { createGunzip, Gunzip } from 'node:zlib';
import type { AppConfig } from '../../config/app-config';
import { BodyParserError, claimBulkBody, isUtf8 } from './json-body.middleware';
import { exceedsJsonDepth } from './json-depth';

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** `32mb` in bytes (the configuration has validated the form; units as body-parser counts them). */
export function sizeInBytes(size: string): number {
  const m = /^(\d+)(b|kb|mb)$/i.exec(size.trim());
  if (!m) throw new Error(`not a size: ${size}`);
  return Number(m[1]) * UNITS[m[2].toLowerCase()];
}

function hasBody(req: Request): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined
  );
}

function charsetOf(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m?.[1].toLowerCase();
}

/** Strict JSON as body-parser parses it: an object or an array, an empty body as `{}`. */
function parseStrict(bytes: Buffer): unknown {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const first = /^[\s]*(.)/.exec(text)?.[1];
  if (first === undefined) return {};
  if (first !== '{' && first !== '[') throw new BodyParserError('entity.parse.failed', 400);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyParserError('entity.parse.failed', 400);
  }
}

/**
 * Reads the request's JSON body with `limit` on both the bytes received and, for gzip, the bytes
 * inflated: a 100 KB gzip that inflates to 30 MB is stopped at the limit, never held whole.
 * On a refusal the rest of the body is read off and dropped before the answer (as body-parser
 * does), so the client hears it instead of a reset connection.
 */
export function readBulkJson(req: Request, limit: number): Promise<unknown> {
  if (!hasBody(req) || !req.is('application/json')) return Promise.resolve(undefined);
  const charset = charsetOf(req.headers['content-type']);
  if (charset !== undefined && !isUtf8(charset))
    return dropRest(req, new BodyParserError('charset.unsupported', 415));
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip')
    return dropRest(req, new BodyParserError('encoding.unsupported', 415));
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit)
    return dropRest(req, new BodyParserError('entity.too.large', 413));

  return new Promise<unknown>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let kept = 0;
    let settled = false;
    const gunzip: Gunzip | undefined = encoding === 'gzip' ? createGunzip() : undefined;

    const stop = (): void => {
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAborted);
      req.off('close', onClose);
      chunks.length = 0;
    };
    const fail = (error: BodyParserError): void => {
      if (settled) return;
      stop();
      gunzip?.destroy();
      dropRest(req, error).catch(reject);
    };
    const keep = (chunk: Buffer): void => {
      if (settled) return;
      kept += chunk.length;
      if (kept > limit) return fail(new BodyParserError('entity.too.large', 413));
      chunks.push(chunk);
    };
    const done = (): void => {
      if (settled) return;
      const body = Buffer.concat(chunks, kept);
      stop();
      if (exceedsJsonDepth(body)) return reject(new BodyParserError('entity.too.deep', 400));
      try {
        resolve(parseStrict(body));
      } catch (e) {
        reject(e);
      }
    };
    function onData(chunk: Buffer): void {
      received += chunk.length;
      if (received > limit) return fail(new BodyParserError('entity.too.large', 413));
      if (!gunzip) return keep(chunk);
      // Inflating may outrun the socket: wait for the gunzip to drain before reading on.
      if (!gunzip.write(chunk)) {
        req.pause();
        gunzip.once('drain', () => req.resume());
      }
    }
    function onEnd(): void {
      if (gunzip) gunzip.end();
      else done();
    }
    function onAborted(): void {
      if (settled) return;
      stop();
      gunzip?.destroy();
      reject(new BodyParserError('request.aborted', 400));
    }
    function onClose(): void {
      if (!req.complete) onAborted();
    }

    if (gunzip) {
      gunzip.on('data', keep);
      gunzip.on('end', done);
      gunzip.on('error', () => fail(new BodyParserError('encoding.corrupt', 400)));
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAborted);
    req.on('close', onClose);
  });
}

/** Reads off and drops what is left of the body, then rejects with `error`. */
function dropRest(req: Request, error: BodyParserError): Promise<never> {
  return new Promise<never>((_resolve, reject) => {
    if (req.complete || req.readableEnded || req.destroyed) return reject(error);
    const settle = (): void => reject(error);
    req.once('end', settle);
    req.once('close', settle);
    req.on('error', () => undefined);
    req.resume();
  });
}

/**
 * Reads a bulk route's body after the auth guard (a global guard, so it runs first): BULK_BODY_LIMIT
 * and gzip are for callers who may use the route. The JSON middleware leaves these routes' bodies
 * unread (BULK_ROUTES in json-body.middleware.ts); a route with this guard that is not listed there
 * fails on every request rather than quietly parsing with the small limit.
 */
@Injectable()
export class BulkBodyGuard implements CanActivate {
  private readonly limit: number;

  constructor(config: ConfigService<AppConfig, true>) {
    this.limit = sizeInBytes(config.get('bulkBodyLimit', { infer: true }));
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request>();
    if (!claimBulkBody(req))
      throw new Error(`${req.method} ${req.path} reads a bulk body but is not in BULK_ROUTES`);
    req.body = await readBulkJson(req, this.limit);
    return true;
  }
}

/** The route takes a bulk body: read with BULK_BODY_LIMIT, gzip accepted, after authentication. */
export function BulkBody(): MethodDecorator & ClassDecorator {
  return applyDecorators(UseGuards(BulkBodyGuard));
}
