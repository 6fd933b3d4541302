import type { Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FieldError } from '../../src/common/errors/domain-errors';
import { flattenValidationErrors } from '../../src/common/validation/validation.pipe';

/**
 * What a class-validator DTO says of a body, with the global ValidationPipe's options: the
 * reference the compiled bulk validators must answer like (same fields, same messages).
 */
export function referenceErrors(dto: Type<object>, body: object): FieldError[] {
  const errors = validateSync(plainToInstance(dto, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  });
  return flattenValidationErrors(errors);
}

/** Field errors in a comparable order (class-validator's order of messages is not a contract). */
export function normalised(fields: FieldError[]): FieldError[] {
  return fields
    .map((f) => ({ field: f.field, messages: [...f.messages].sort() }))
    .sort((a, b) => a.field.localeCompare(b.field));
}
