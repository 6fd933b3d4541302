import { Injectable, PipeTransform } from '@nestjs/common';
import { FieldError, ValidationError } from '../errors/domain-errors';
import { DecimalRules, describeRules, isDecimalString, toDecimalString } from './decimal';

/**
 * A validator for the bulk bodies (tens of thousands of items), compiled once from a plain
 * description instead of class-transformer + class-validator, which build an instance and a
 * validation-error tree per item and dominate a 20,000-item request. It speaks the contract of
 * the global ValidationPipe: the same field paths (`assets[3].symbol`), the same messages as the
 * class-validator rules of the DTO it stands for (the DTO stays the OpenAPI schema and the
 * reference: the e2e tests compare both), unknown properties refused.
 */

/** One rule: null when the value passes, else the message class-validator would give. */
export type Check = (value: unknown, property: string) => string | null;

export interface FieldRule {
  /** Skips the checks when the value is null or undefined (class-validator's IsOptional). */
  optional?: boolean;
  /** Runs before the checks and replaces the value (class-transformer's Transform). */
  transform?: (value: unknown) => unknown;
  checks: Check[];
}

export const checks = {
  isString: (): Check => (v, p) => (typeof v === 'string' ? null : `${p} must be a string`),
  minLength:
    (n: number): Check =>
    (v, p) =>
      typeof v === 'string' && v.length >= n
        ? null
        : `${p} must be longer than or equal to ${n} characters`,
  maxLength:
    (n: number): Check =>
    (v, p) =>
      typeof v === 'string' && v.length <= n
        ? null
        : `${p} must be shorter than or equal to ${n} characters`,
  matches:
    (pattern: RegExp, message: string): Check =>
    (v) =>
      typeof v === 'string' && pattern.test(v) ? null : message,
  isBoolean: (): Check => (v, p) =>
    typeof v === 'boolean' ? null : `${p} must be a boolean value`,
  isIn:
    (values: readonly unknown[], message: string): Check =>
    (v) =>
      values.includes(v) ? null : message,
  decimal:
    (rules: DecimalRules = {}): Check =>
    (v, p) =>
      isDecimalString(v, rules)
        ? null
        : `${p} must be a decimal number (JSON number or string)${describeRules(rules)}`,
};

export const transforms = {
  decimal: (value: unknown) => toDecimalString({ value }),
  upperCaseSymbol: (value: unknown) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `{ [key]: Item[] }` with at most `max` items, each checked against `item`. Returns the body
 * with transformed values, or throws the contract's 400 listing every bad field.
 */
export function compileListBody<T>(
  key: string,
  item: Record<string, FieldRule>,
  opts: { max: number; min?: number },
): (body: unknown) => T {
  const fields = Object.entries(item);
  const known = new Set(Object.keys(item));
  return (body: unknown): T => {
    const errors: FieldError[] = [];
    const input = isObject(body) ? body : {};
    for (const prop of Object.keys(input)) {
      if (prop !== key)
        errors.push({ field: prop, messages: [`property ${prop} should not exist`] });
    }
    const list = input[key];
    const listMessages: string[] = [];
    if (!Array.isArray(list)) listMessages.push(`${key} must be an array`);
    if (!Array.isArray(list) || list.length > opts.max)
      listMessages.push(`${key} must contain no more than ${opts.max} elements`);
    if (opts.min !== undefined && (!Array.isArray(list) || list.length < opts.min))
      listMessages.push(`${key} must contain at least ${opts.min} elements`);
    if (!Array.isArray(list) && list !== undefined)
      listMessages.push(`each value in nested property ${key} must be either object or array`);
    if (listMessages.length > 0) errors.push({ field: key, messages: listMessages });

    const out: Array<Record<string, unknown>> = [];
    if (Array.isArray(list) && list.length <= opts.max) {
      for (let i = 0; i < list.length; i++) {
        const raw: unknown = list[i];
        if (!isObject(raw)) {
          errors.push({
            field: `${key}[${i}]`,
            messages: [`each value in nested property ${key} must be either object or array`],
          });
          continue;
        }
        const value: Record<string, unknown> = {};
        for (const prop of Object.keys(raw)) {
          if (!known.has(prop))
            errors.push({
              field: `${key}[${i}].${prop}`,
              messages: [`property ${prop} should not exist`],
            });
        }
        for (const [prop, rule] of fields) {
          let v = raw[prop];
          if (rule.transform && prop in raw) v = rule.transform(v);
          if (v !== undefined) value[prop] = v;
          if (rule.optional && (v === undefined || v === null)) continue;
          let messages: string[] | undefined;
          for (const check of rule.checks) {
            const message = check(v, prop);
            if (message !== null) (messages ??= []).push(message);
          }
          if (messages) errors.push({ field: `${key}[${i}].${prop}`, messages });
        }
        out.push(value);
      }
    }
    if (errors.length > 0) {
      throw new ValidationError(`invalid input: ${errors.map((e) => e.field).join(', ')}`, errors);
    }
    return { [key]: out } as T;
  };
}

/** The compiled validator as the pipe of one `@Body()` parameter. */
@Injectable()
export class CompiledBodyPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly validate: (body: unknown) => T) {}

  transform(body: unknown): T {
    return this.validate(body);
  }
}
