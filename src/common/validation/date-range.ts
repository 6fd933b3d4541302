import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ValidationError } from '../errors/domain-errors';
import type { SqlParams } from '../sql/params';

/** Both bounds are inclusive; a start after the end is a 400 naming startDate. */
export function assertDateRange(startDate: string | undefined, endDate: string | undefined): void {
  if (startDate && endDate && Date.parse(startDate) > Date.parse(endDate)) {
    throw ValidationError.forField('startDate', 'startDate must not be after endDate');
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Adds an inclusive time range on `column`. The API shows timestamps to the millisecond while
 * PostgreSQL keeps microseconds, so an end bound covers its whole millisecond (a timestamp
 * copied from a response still matches its own row), and a date-only end bound its whole day.
 */
export function whereTimeRange<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  column: string,
  startDate: string | undefined,
  endDate: string | undefined,
): SelectQueryBuilder<T> {
  assertDateRange(startDate, endDate);
  if (startDate)
    qb.andWhere(`${column} >= CAST(:rangeStart AS timestamptz)`, { rangeStart: startDate });
  if (endDate) {
    qb.andWhere(`${column} < CAST(:rangeEnd AS timestamptz) + CAST(:rangeEndStep AS interval)`, {
      rangeEnd: endDate,
      rangeEndStep: DATE_ONLY.test(endDate) ? '1 day' : '1 millisecond',
    });
  }
  return qb;
}

/** The same inclusive range as `whereTimeRange`, as conditions of a hand-written statement. */
export function timeRangeSql(
  column: string,
  startDate: string | undefined,
  endDate: string | undefined,
  params: SqlParams,
): string[] {
  assertDateRange(startDate, endDate);
  const conditions: string[] = [];
  if (startDate) conditions.push(`${column} >= ${params.add(startDate)}::timestamptz`);
  if (endDate) {
    const step = DATE_ONLY.test(endDate) ? '1 day' : '1 millisecond';
    conditions.push(
      `${column} < ${params.add(endDate)}::timestamptz + ${params.add(step)}::interval`,
    );
  }
  return conditions;
}
