import { STATUS_CODES } from 'node:http';
import type { ErrorCode } from './error-codes';

/** The error body of the API contract; every error response has exactly this shape. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: ErrorCode;
  message: string;
  details?: unknown;
  requestId: string;
}

export function errorBody(
  status: number,
  code: ErrorCode,
  message: string,
  requestId: string,
  details?: unknown,
): ErrorBody {
  const body: ErrorBody = {
    statusCode: status,
    error: STATUS_CODES[status] ?? 'Error',
    code,
    message,
    requestId,
  };
  if (details !== undefined) body.details = details;
  return body;
}
