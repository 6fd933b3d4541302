import { Param, ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { ValidationError } from '../errors/domain-errors';

/** A path parameter that must be a UUID: a malformed one is a 400 VALIDATION_FAILED, not a 500. */
export function UuidParam(name = 'id'): ParameterDecorator {
  return Param(
    name,
    new ParseUUIDPipe({
      version: undefined,
      exceptionFactory: () => ValidationError.forField(name, `${name} must be a UUID`),
    }),
  );
}

/** A path parameter that must be a positive integer id (serial keys). */
export function IntIdParam(name = 'id'): ParameterDecorator {
  return Param(
    name,
    new ParseIntPipe({
      exceptionFactory: () => ValidationError.forField(name, `${name} must be a positive integer`),
    }),
  );
}
