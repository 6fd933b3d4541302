import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  getMetadataStorage,
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  ValidateNested,
  IsArray,
  IsBoolean,
  IsDefined,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import { getMetadataArgsStorage } from 'typeorm';
import type { ColumnMetadataArgs } from 'typeorm/metadata-args/ColumnMetadataArgs';
import { ListQueryDto } from '../pagination/list-query.dto';
import { BooleanQuery } from '../validation/boolean-query';
import { IsDecimal } from '../validation/decimal';

/** Per-property rules that replace the ones derived from the column (enums, ranges, formats). */
export type RuleOverrides = Record<string, PropertyDecorator[]>;

/** The entity's writable columns: not generated, not the automatic timestamps. */
export function writableColumns(entity: ClassType<unknown>): ColumnMetadataArgs[] {
  const seen = new Set<string>();
  return getMetadataArgsStorage()
    .columns.filter((c) => c.target === entity && c.mode === 'regular')
    .filter(
      (c) =>
        !getMetadataArgsStorage().generations.some(
          (g) => g.target === entity && g.propertyName === c.propertyName,
        ),
    )
    .filter((c) => !seen.has(c.propertyName) && seen.add(c.propertyName));
}

function isRequired(c: ColumnMetadataArgs): boolean {
  return !c.options.nullable && c.options.default === undefined && !c.options.primary;
}

/** class-validator rules and the OpenAPI schema of a column, from its PostgreSQL type. */
function rulesFor(c: ColumnMetadataArgs): { rules: PropertyDecorator[]; api: ApiPropertyOptions } {
  const type = String(c.options.type);
  if (c.options.array)
    return { rules: [IsArray(), IsString({ each: true })], api: { type: [String] } };
  switch (type) {
    case 'uuid':
      return { rules: [IsUUID('all')], api: { type: String, format: 'uuid' } };
    case 'integer':
      return { rules: [IsInt(), Min(0)], api: { type: Number, minimum: 0 } };
    case 'numeric':
      // IsDecimal documents itself; its rule set is complete.
      return { rules: [IsDecimal({}, { api: { required: false } })], api: {} };
    case 'boolean':
      return { rules: [IsBoolean()], api: { type: Boolean } };
    case 'jsonb':
      return {
        rules: [Allow()],
        api: { type: 'object', additionalProperties: true, description: 'any JSON value' },
      };
    case 'timestamptz':
      return { rules: [IsISO8601({ strict: true })], api: { type: String, format: 'date-time' } };
    default:
      return { rules: [IsString(), MaxLength(20000)], api: { type: String, maxLength: 20000 } };
  }
}

function named<T>(name: string, cls: ClassType<T>): ClassType<T> {
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

/**
 * The create DTO of a table, derived from its entity: required columns (NOT NULL without a
 * default) are required, the rest optional; each column type brings its validation and OpenAPI
 * schema; `overrides` replace the derived rules of a property (its required/optional-ness kept).
 */
export function createDtoFor(
  name: string,
  entity: ClassType<unknown>,
  overrides: RuleOverrides = {},
  omit: string[] = [],
): ClassType<object> {
  const cls = named(name, class {});
  for (const c of writableColumns(entity)) {
    if (omit.includes(c.propertyName)) continue;
    const required = isRequired(c);
    const derived = rulesFor(c);
    const numeric = String(c.options.type) === 'numeric';
    const override = overrides[c.propertyName];
    const rules = override ?? (numeric ? [IsDecimal({}, { api: { required } })] : derived.rules);
    const decorators = [required ? IsDefined() : IsOptional(), ...rules];
    for (const d of decorators) d(cls.prototype, c.propertyName);
    // The document says what the rules check: required-ness, and the values of an enum rule.
    const values = enumOf(cls, c.propertyName);
    const api = {
      ...(numeric ? {} : derived.api),
      required,
      ...(values ? { enum: values as string[], type: String } : {}),
    } as ApiPropertyOptions;
    (required ? ApiProperty : ApiPropertyOptional)(api)(cls.prototype, c.propertyName);
  }
  return cls;
}

/** The allowed values of a property's IsIn rule, if it has one. */
function enumOf(cls: ClassType<object>, property: string): unknown[] | undefined {
  const rule = getMetadataStorage()
    .getTargetValidationMetadatas(cls, '', true, false)
    .find((m) => m.propertyName === property && m.name === 'isIn');
  return rule?.constraints?.[0] as unknown[] | undefined;
}

export function updateDtoFor(name: string, create: ClassType<object>): ClassType<object> {
  return named(name, class extends PartialType(create) {});
}

/** A list query with equality filters on the given properties, typed from their columns. */
export function listQueryFor(
  name: string,
  entity: ClassType<unknown>,
  filters: string[],
): ClassType<ListQueryDto> {
  const cls = named(name, class extends ListQueryDto {});
  const columns = getMetadataArgsStorage().columns.filter((c) => c.target === entity);
  for (const prop of filters) {
    const c = columns.find((x) => x.propertyName === prop);
    if (!c) throw new Error(`${name}: ${prop} is not a column`);
    const type = String(c.options.type);
    const decorators: PropertyDecorator[] =
      type === 'boolean'
        ? [BooleanQuery(), ApiPropertyOptional({ type: Boolean })]
        : type === 'uuid'
          ? [IsOptional(), IsUUID('all'), ApiPropertyOptional({ format: 'uuid' })]
          : type === 'integer'
            ? [IsOptional(), Type(() => Number), IsInt(), ApiPropertyOptional({ type: Number })]
            : [IsOptional(), IsString(), MaxLength(200), ApiPropertyOptional({ type: String })];
    for (const d of decorators) d(cls.prototype, prop);
  }
  return cls;
}

/** `{ [key]: Item[] }`, each item validated as `item` (for bulk appends). */
export function bulkDtoFor(
  name: string,
  key: string,
  item: ClassType<object>,
  max = 50_000,
): ClassType<object> {
  const cls = named(name, class {});
  for (const d of [
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(max),
    ValidateNested({ each: true }),
    Type(() => item),
    ApiProperty({ type: [item] }),
  ]) {
    d(cls.prototype, key);
  }
  return cls;
}
