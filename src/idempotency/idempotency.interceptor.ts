import { ownerOf } from '../auth/auth-user';
import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { defaultIfEmpty, from, lastValueFrom, Observable } from 'rxjs';
import { UnprocessableError, ValidationError } from '../common/errors/domain-errors';
import type { AppConfig } from '../config/app-config';
import { responseStatusOf } from '../common/http/response-status';
import { MUTATING_METHODS } from '../audit/audit-entry';
import { IdempotencyRepository } from './idempotency.repository';
import { leaveResponseToStore } from './stored-response';

const HEADER = 'idempotency-key';
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` on a write: the first request with a key runs and its response is stored in
 * the same transaction as its change; a retry with the same key and body gets that response back
 * without running again; the same key with a different request is 422 IDEMPOTENCY_KEY_REUSED.
 * Keys are per user and expire after IDEMPOTENCY_TTL_HOURS. A concurrent retry waits on the
 * first request's row (unique key) and then replays its response. A failed request stores
 * nothing (its transaction rolls back), so it can be retried with the same key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly ttlHours: number;

  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly reflector: Reflector,
    config: ConfigService<AppConfig, true>,
  ) {
    this.ttlHours = config.get('idempotencyTtlHours', { infer: true });
  }

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const key = req.get(HEADER);
    if (key === undefined || !req.user) return next.handle();
    if (!KEY_FORMAT.test(key)) {
      throw ValidationError.forField(
        'Idempotency-Key',
        'Idempotency-Key must be 1..255 visible ASCII characters',
      );
    }
    // Keys are per principal: a service's key space is its API key's, and the user it acts for
    // is part of the request (the same key for another user is a different request: 422).
    const userId = req.user.apiKey?.id ?? ownerOf(req.user);
    const requestHash = createHash('sha256')
      .update(
        `${req.method} ${req.path} as ${req.user.userId ?? '-'}\n${JSON.stringify(req.body ?? null)}`,
      )
      .digest('hex');

    // Inside the audit interceptor's transaction (every mutating request runs in one): the
    // claim, the change and the stored response commit or roll back together.
    return from(
      (async () => {
        if (!(await this.keys.claim(userId, key, requestHash, this.ttlHours))) {
          const first = await this.keys.find(userId, key);
          if (first.requestHash !== requestHash) {
            throw new UnprocessableError(
              'this Idempotency-Key was already used with a different request',
              'IDEMPOTENCY_KEY_REUSED',
            );
          }
          res.status(first.responseStatus ?? responseStatusOf(ctx, this.reflector));
          res.setHeader('Idempotent-Replayed', 'true');
          return first.responseBody;
        }
        const result = await lastValueFrom(next.handle().pipe(defaultIfEmpty(undefined)));
        const status = responseStatusOf(ctx, this.reflector);
        // The stored body is exactly what the client received: the JSON of the result. A
        // mutating request's audit row closes its transaction and stores it in the same statement.
        const stored = {
          principal: userId,
          key,
          status,
          body: result === undefined ? null : JSON.parse(JSON.stringify(result)),
        };
        if (MUTATING_METHODS.has(req.method)) leaveResponseToStore(req, stored);
        else await this.keys.saveResponse(stored.principal, key, status, stored.body);
        return result;
      })(),
    );
  }
}
