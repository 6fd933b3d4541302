import { STATUS_CODES } from 'node:http';

/** The error body of the API contract; every error response has exactly this shape. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details?: unknown;
  requestId: string;
}

export function errorBody(
  status: number,
  code: string,
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
