import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { ERROR_CODE_LIST } from '../errors/error-codes';
import { PageMetaDto } from '../pagination/page';

/** The contract's error body, for the OpenAPI document. */
export class ErrorBodyDto {
  @ApiProperty({ example: 409 }) statusCode!: number;
  @ApiProperty({ example: 'Conflict' }) error!: string;
  // The closed list of codes (src/common/errors/error-codes.ts): a generated client gets a union.
  @ApiProperty({
    enum: ERROR_CODE_LIST,
    enumName: 'ErrorCode',
    example: 'UNIQUE_VIOLATION',
    description: 'what went wrong, as a program switches over it; docs/API.md describes each',
  })
  code!: string;
  @ApiProperty({ example: 'broker asset with symbol AAPL already exists' }) message!: string;
  @ApiPropertyOptional({ example: { constraint: 'broker_assets_symbol_unique' } })
  details?: unknown;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
}

/** The error responses every endpoint can give. */
export function ApiErrorResponses(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ApiBadRequestResponse({
      type: ErrorBodyDto,
      description: 'VALIDATION_FAILED, MALFORMED_JSON, ...',
    }),
    ApiResponse({ status: 401, type: ErrorBodyDto, description: 'UNAUTHENTICATED' }),
    ApiResponse({ status: 403, type: ErrorBodyDto, description: 'FORBIDDEN' }),
    ApiNotFoundResponse({ type: ErrorBodyDto, description: 'NOT_FOUND' }),
    ApiResponse({
      status: 409,
      type: ErrorBodyDto,
      description: 'UNIQUE_VIOLATION, HAS_DEPENDENTS, READ_ONLY, ...',
    }),
    ApiResponse({
      status: 422,
      type: ErrorBodyDto,
      description: 'FOREIGN_KEY_VIOLATION, CHECK_VIOLATION, ...',
    }),
    ApiResponse({
      status: 503,
      type: ErrorBodyDto,
      description: 'DATABASE_UNAVAILABLE, QUERY_TIMEOUT, ...',
    }),
  );
}

/** A list response: the page envelope with items of `model`. */
export function ApiPageResponse(model: Type<unknown>): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(PageMetaDto, model),
    ApiOkResponse({
      schema: {
        allOf: [
          { $ref: getSchemaPath(PageMetaDto) },
          // items is always present: required, so a generated client need not check for it.
          {
            required: ['items'],
            properties: { items: { type: 'array', items: { $ref: getSchemaPath(model) } } },
          },
        ],
      },
    }),
  );
}

/** DELETE with `?dryRun=true`: 200 with the cascade preview, else 204. */
export function ApiDeleteResponses(): MethodDecorator {
  return applyDecorators(
    ApiOkResponse({
      description: 'dry run: what the delete would remove, per table',
      schema: { example: { wouldDelete: { trades: 1, ai_decisions: 2, orders: 1, fills: 3 } } },
    }),
    ApiResponse({
      status: 204,
      description: 'deleted, with everything its foreign keys cascade to',
    }),
  );
}
