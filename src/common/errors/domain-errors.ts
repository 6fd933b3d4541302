import type { ErrorCode } from './error-codes';

/** One invalid input field and everything wrong with it. */
export interface FieldError {
  field: string;
  messages: string[];
}

/**
 * Errors that services throw on purpose. The global filter turns each into the contract's
 * error body; services never build HTTP responses themselves.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: ErrorCode;
  /** Sent as Retry-After when set. */
  retryAfterSeconds?: number;
  /**
   * The request is refused, but what it wrote on the way must stay (a failed login's counter):
   * the request's transaction commits before the error reaches the client.
   */
  readonly keepsWrites: boolean = false;
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly status = 400;
  readonly code = 'VALIDATION_FAILED';
  constructor(
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message, fields);
  }

  static forField(field: string, ...messages: string[]): ValidationError {
    return new ValidationError(`${field}: ${messages.join(', ')}`, [{ field, messages }]);
  }
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly code = 'NOT_FOUND';
  constructor(resource: string, id: string) {
    super(`${resource} ${id} not found`, { resource, id });
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
  constructor(
    message: string,
    readonly code: ErrorCode = 'CONFLICT',
    details?: unknown,
  ) {
    super(message, details);
  }
}

/** A request that is well-formed but breaks a business rule (422). */
export class UnprocessableError extends DomainError {
  readonly status = 422;
  constructor(
    message: string,
    readonly code: ErrorCode = 'UNPROCESSABLE',
    details?: unknown,
  ) {
    super(message, details);
  }
}

/** A database failure the service recognised; `status` is 500 or 503. */
export class DatabaseError extends DomainError {
  constructor(
    message: string,
    readonly code: ErrorCode = 'DATABASE_ERROR',
    readonly status: number = 500,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'a valid bearer token is required') {
    super(message);
  }
}

/** Wrong credentials: a 401 whose failure count commits with the request's transaction. */
export class LoginFailedError extends UnauthenticatedError {
  override readonly keepsWrites = true;
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly code = 'FORBIDDEN';
  constructor(message = 'you are not allowed to do this') {
    super(message);
  }
}

/** A wrong current password on a password change: a 403 whose failure count commits, like a failed login's. */
export class WrongPasswordError extends ForbiddenError {
  override readonly keepsWrites = true;
}

export class RateLimitedError extends DomainError {
  readonly status = 429;
  readonly code = 'RATE_LIMITED';
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
