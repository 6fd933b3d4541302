import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { Request } from 'express';
import { defaultIfEmpty, from, lastValueFrom, Observable } from 'rxjs';
import { responseStatusOf } from '../common/http/response-status';
import type { Tx } from '../database/transaction';
import { auditEntryFor, MUTATING_METHODS } from './audit-entry';
import { AuditService } from './audit.service';
import { AUDITED, AuditedMeta } from './audited.decorator';

/**
 * Runs every mutating request in one transaction and writes its audit row inside it, so a change
 * never lands without its record. Failures are recorded by the exception filter instead.
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

    const meta = this.reflector.get<AuditedMeta | undefined>(AUDITED, ctx.getHandler());

    return from(
      this.tx.withTransaction(async () => {
        const result = await lastValueFrom(next.handle().pipe(defaultIfEmpty(undefined)));
        const status = responseStatusOf(ctx, this.reflector);
        await this.audit.recordInTransaction(
          auditEntryFor(req, { status, resourceId: idOf(result) }, meta),
        );
        return result;
      }),
    );
  }
}

function idOf(result: unknown): string | null {
  if (typeof result !== 'object' || result === null) return null;
  const id = (result as { id?: unknown }).id ?? (result as { user?: { id?: unknown } }).user?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}
