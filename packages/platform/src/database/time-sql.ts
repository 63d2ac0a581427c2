/**
 * SQL for the days and times the graph answers with. The graph's days are Norway's (a grant
 * decided at 00:30 in Oslo is decided that day, whatever the server's time zone); its instants
 * are UTC, written as ISO 8601 text so that they compare and sort as text.
 */

/** The calendar day in Norway of the timestamptz `expression`. */
export const osloDate = (expression: string): string => `(${expression} AT TIME ZONE 'Europe/Oslo')::date`;

/** The year in Norway of the timestamptz `expression` (numeric, as extract gives it). */
export const osloYear = (expression: string): string => `extract(year FROM ${expression} AT TIME ZONE 'Europe/Oslo')`;

/** Today in Norway: a date. Within a transaction, the day it began. */
export const OSLO_TODAY = osloDate('now()');

/**
 * Whether a span whose end is the date `end` (exclusive: the first day it no longer holds; null
 * while it lasts) still holds today in Norway.
 */
export const endsAfterOsloToday = (end: string): string => `(${end} IS NULL OR ${end} > ${OSLO_TODAY})`;

/**
 * The timestamptz `expression` as ISO 8601 text in UTC: `2025-03-01T09:30:00.123456Z`, or with
 * `seconds`, `2025-03-01T09:30:00Z` (the fraction left out, not rounded).
 */
export const isoTimestamp = (expression: string, precision: 'seconds' | 'microseconds' = 'microseconds'): string =>
  `to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS${precision === 'seconds' ? '' : '.US'}"Z"')`;
