import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidationOptions, buildMessage } from 'class-validator';

const DECIMAL = /^-?(\d+\.?\d*|\.\d+)$/;

/**
 * Money and quantities arrive as a JSON number or a decimal string and leave as the exact
 * string PostgreSQL stores; they are never computed on as JS floats. Numbers are converted to
 * their shortest exact string form; anything else (booleans, objects, NaN, "1e5") stays as it is
 * and fails validation.
 */
export function toDecimalString({ value }: { value: unknown }): unknown {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const s = String(value);
    return /e/i.test(s) ? value.toFixed(20).replace(/\.?0+$/, '') : s;
  }
  if (typeof value === 'string') return value.trim();
  return value;
}

export interface DecimalRules {
  /** Strictly greater than zero. */
  positive?: boolean;
  /** Zero or more. */
  nonNegative?: boolean;
  min?: string;
  max?: string;
}

function compareDecimal(a: string, b: string): number {
  // Exact comparison of decimal strings without floats: align the parts and compare as BigInt.
  const scale = (s: string) => (s.split('.')[1] ?? '').length;
  const digits = Math.max(scale(a), scale(b));
  const toBig = (s: string) => {
    const neg = s.startsWith('-');
    const [i, f = ''] = s.replace('-', '').split('.');
    const n = BigInt((i || '0') + f.padEnd(digits, '0'));
    return neg ? -n : n;
  };
  const x = toBig(a);
  const y = toBig(b);
  return x === y ? 0 : x > y ? 1 : -1;
}

export function isDecimalString(value: unknown, rules: DecimalRules = {}): boolean {
  if (typeof value !== 'string' || value.length > 64 || !DECIMAL.test(value)) return false;
  if (rules.positive && compareDecimal(value, '0') <= 0) return false;
  if (rules.nonNegative && compareDecimal(value, '0') < 0) return false;
  if (rules.min !== undefined && compareDecimal(value, rules.min) < 0) return false;
  if (rules.max !== undefined && compareDecimal(value, rules.max) > 0) return false;
  return true;
}

export function describeRules(r: DecimalRules): string {
  const parts: string[] = [];
  if (r.positive) parts.push('greater than 0');
  if (r.nonNegative) parts.push('0 or more');
  if (r.min !== undefined) parts.push(`at least ${r.min}`);
  if (r.max !== undefined) parts.push(`at most ${r.max}`);
  return parts.length ? ` ${parts.join(' and ')}` : '';
}

/** A decimal input (number or decimal string), normalised to a string, with optional bounds. */
export function IsDecimal(
  rules: DecimalRules = {},
  options?: ValidationOptions & { api?: ApiPropertyOptions },
): PropertyDecorator {
  return applyDecorators(
    Transform(toDecimalString),
    ValidateBy(
      {
        name: 'isDecimal',
        constraints: [rules],
        validator: {
          validate: (value) => isDecimalString(value, rules),
          defaultMessage: buildMessage(
            (each) =>
              `${each}$property must be a decimal number (JSON number or string)${describeRules(rules)}`,
            options,
          ),
        },
      },
      options,
    ),
    ApiProperty({
      type: String,
      example: '101.25',
      description: `decimal as a string${describeRules(rules)}`,
      ...options?.api,
    }),
  );
}
