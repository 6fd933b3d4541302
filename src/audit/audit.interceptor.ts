import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { Request } from 'express';
import { defaultIfEmpty, from, lastValueFrom, map, Observable } from 'rxjs';
import { DomainError } from '../common/errors/domain-errors';
import { responseStatusOf } from '../common/http/response-status';
import type { Tx } from '../database/transaction';
import { takeResponseToStore } from '../idempotency/stored-response';
import { auditEntryFor, MUTATING_METHODS } from './audit-entry';
import { AuditService } from './audit.service';
import { auditedMetaOf } from './audited.decorator';

/**
 * Runs every mutating request in one transaction and writes its audit row inside it, so a change
 * never lands without its record. Failures are recorded by the exception filter instead (after
 * the rollback, or after the commit of a refusal that keeps its writes).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly audit: AuditService,
    private readonly reflector: Reflector,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request>();
    if (!MUTATING_METHODS.has(req.method)) return next.handle();

    const meta = auditedMetaOf(ctx, this.reflector);

    return from(
      this.tx.withTransaction(async (): Promise<{ result: unknown } | { refused: DomainError }> => {
        let result: unknown;
        try {
          result = await lastValueFrom(next.handle().pipe(defaultIfEmpty(undefined)));
        } catch (e) {
          // A refusal whose writes must stay commits them; its audit row comes from the filter.
          if (e instanceof DomainError && e.keepsWrites) return { refused: e };
          throw e;
        }
        const status = responseStatusOf(ctx, this.reflector);
        await this.audit.recordInTransaction(
          auditEntryFor(req, { status, resourceId: idOf(result) }, meta),
          takeResponseToStore(req),
        );
        return { result };
      }),
    ).pipe(
      map((outcome) => {
        if ('refused' in outcome) throw outcome.refused;
        return outcome.result;
      }),
    );
  }
}

function idOf(result: unknown): string | null {
  if (typeof result !== 'object' || result === null) return null;
  const id = (result as { id?: unknown }).id ?? (result as { user?: { id?: unknown } }).user?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}
