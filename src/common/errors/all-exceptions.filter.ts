import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { auditEntryFor, MUTATING_METHODS } from '../../audit/audit-entry';
import { AuditService } from '../../audit/audit.service';
import { failureIsAudited } from '../../audit/audited.decorator';
import { Metrics } from '../../monitoring/metrics';
import { BodyParserError } from '../http/json-body.middleware';
import { MAX_JSON_DEPTH } from '../http/json-depth';
import { requestIdOf } from '../http/request-id.middleware';
import { DomainError } from './domain-errors';
import { errorBody } from './error-body';
import { ErrorCode, isErrorCode } from './error-codes';
import { mapDatabaseError, MappedError } from './postgres-error-map';

/** The code of an HttpException that names none, by status (every value is in ERROR_CODES). */
const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * The one place that turns any thrown error into the contract's error body. Database internals
 * (SQL, parameters, server messages, stacks) go to the log with the request id, never to the client.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    private readonly audit: AuditService,
    private readonly metrics: Metrics,
  ) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const requestId = requestIdOf(req, res);
    const mapped = this.map(exception);

    const where = `${req.method} ${req.originalUrl ?? req.url}`;
    if (mapped.status >= 500) {
      this.logger.error(
        `${where} -> ${mapped.status} ${mapped.code} [${requestId}]: ${describe(exception)}`,
        exception instanceof Error ? exception.stack : undefined,
      );
    } else {
      this.logger.debug(
        `${where} -> ${mapped.status} ${mapped.code} [${requestId}]: ${mapped.message}`,
      );
    }

    // A refused or failed change is recorded too, before the client hears about it; one refused
    // before anyone authenticated is only counted (bogus tokens must not amplify into writes).
    if (MUTATING_METHODS.has(req.method) && !failureIsAudited(req)) {
      this.metrics.refusedUnauthenticated.inc({ status: String(mapped.status) });
      this.logger.warn(
        `${where} -> ${mapped.status} ${mapped.code} [${requestId}] refused without an authenticated caller (not audited)`,
      );
    } else if (MUTATING_METHODS.has(req.method)) {
      await this.audit.recordFailure(
        auditEntryFor(req, {
          status: mapped.status,
          errorCode: mapped.code,
          errorMessage: mapped.message,
        }),
      );
    }

    if (res.headersSent) return;
    if (mapped.retryAfterSeconds !== undefined)
      res.setHeader('Retry-After', String(mapped.retryAfterSeconds));
    res.setHeader('x-request-id', requestId);
    res
      .status(mapped.status)
      .json(errorBody(mapped.status, mapped.code, mapped.message, requestId, mapped.details));
  }

  private map(exception: unknown): MappedError {
    if (exception instanceof DomainError) {
      return {
        status: exception.status,
        code: exception.code,
        message: exception.message,
        details: exception.details,
        retryAfterSeconds: exception.retryAfterSeconds,
      };
    }
    if (exception instanceof BodyParserError) {
      const bodyError = exception;
      if (bodyError.type === 'entity.parse.failed') {
        return {
          status: 400,
          code: 'MALFORMED_JSON',
          message: 'the request body is not valid JSON',
        };
      }
      if (bodyError.type === 'entity.too.deep') {
        return {
          status: 400,
          code: 'JSON_TOO_DEEP',
          message: `the request body nests deeper than ${MAX_JSON_DEPTH} levels`,
        };
      }
      if (bodyError.type === 'encoding.corrupt' || bodyError.type === 'request.aborted') {
        return {
          status: 400,
          code: 'BAD_REQUEST',
          message:
            bodyError.type === 'encoding.corrupt'
              ? 'the request body is not valid gzip'
              : 'the request body ended early',
        };
      }
      if (bodyError.type === 'charset.unsupported') {
        return {
          status: 415,
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'the request body must be JSON in UTF-8',
        };
      }
      if (bodyError.type === 'entity.too.large') {
        return {
          status: 413,
          code: 'PAYLOAD_TOO_LARGE',
          message: 'the request body is larger than the configured limit',
        };
      }
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'the request body encoding is not supported (gzip only on the bulk routes)',
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      // Our own HttpExceptions carry { code, message, details, retryAfterSeconds }; Nest's carry a message.
      const body: {
        message?: unknown;
        code?: string;
        details?: unknown;
        retryAfterSeconds?: number;
      } = typeof response === 'object' ? response : {};
      const message =
        typeof response === 'string'
          ? response
          : Array.isArray(body.message)
            ? body.message.join('; ')
            : String(body.message ?? exception.message);
      return {
        status,
        code: isErrorCode(body.code) ? body.code : httpCode(status),
        message,
        details: body.details,
        retryAfterSeconds: body.retryAfterSeconds,
      };
    }
    return (
      mapDatabaseError(exception) ?? {
        status: 500,
        code: 'INTERNAL_ERROR',
        message: 'an unexpected error occurred',
      }
    );
  }
}

/**
 * A status without a code of its own gets its class's generic code, so that the body's `code`
 * stays within the published list (clients switch over it) whatever a framework throws.
 */
function httpCode(status: number): ErrorCode {
  return HTTP_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
}

function describe(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: string }).code;
    return `${e.name}${code ? ` ${code}` : ''}: ${e.message}`;
  }
  return String(e);
}
