import { BadUserInputError } from './errors';

/**
 * Checks of mutation input that name the field they check, so the client can show the message
 * beside it; each throws BAD_USER_INPUT before anything is written. A GraphQL client may send
 * null for any field it may leave out, so each takes null too: where a value is needed, null is
 * refused like any other bad value.
 */

/** Whether a client gave a value: GraphQL lets it leave an optional field out or send null, which say the same. */
export function isGiven<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

/** Control characters, and the bidirectional overrides that make text read otherwise than it is stored. */
const HIDDEN_CONTROLS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export function requiredText(field: string, value: string | null | undefined, maxLength = 200): string {
  const text = (value ?? '').trim();
  // Text of format characters alone (a zero-width space) shows as nothing: empty too.
  if (text.replace(/\p{Cf}/gu, '') === '') throw new BadUserInputError(field, `${field} must not be empty`);
  if (HIDDEN_CONTROLS.test(text)) throw new BadUserInputError(field, `${field} must not contain control or text-direction characters`);
  if (text.length > maxLength) throw new BadUserInputError(field, `${field} must be at most ${maxLength} characters`);
  return text;
}

export function optionalText(field: string, value: string | null | undefined, maxLength = 2_000): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return requiredText(field, value, maxLength);
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function isoDate(field: string, value: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new BadUserInputError(field, `${field} must be a date written YYYY-MM-DD`);
  }
  return value;
}

/**
 * A moment written as an ISO 8601 date-time with its offset, e.g. `2018-09-20T12:00:00+02:00`:
 * a day that exists, a time of day that exists, and a real offset; nothing read in the server's
 * own time zone, nothing rolled over into the next day or month.
 */
export function isoDateTime(field: string, value: string | null | undefined): Date {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(value ?? '');
  const valid =
    match !== null &&
    isCalendarDay(match[1]!) &&
    Number(match[2]) <= 23 &&
    Number(match[3]) <= 59 &&
    Number(match[4] ?? 0) <= 59 &&
    (match[5] === 'Z' || (Number(match[7]) <= 14 && Number(match[8]) <= 59));
  if (!valid) throw new BadUserInputError(field, `${field} must be an ISO 8601 date-time with its offset, e.g. 2018-09-20T12:00:00+02:00`);
  return new Date(value!);
}

function isCalendarDay(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.toISOString().slice(0, 10) === value;
}

/** The calendar date in Norway at `at`, `YYYY-MM-DD`: the day our users mean by "today". */
export function norwegianDate(at: Date): string {
  return OSLO_DATE.format(at);
}
const OSLO_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Checks that the date `value` of `field` lies inside a window, each bound given with the words
 * that explain it: `dateWithin('paidOn', paidOn, { notBefore: [awardDate, 'the award date'] })`.
 */
export function dateWithin(
  field: string,
  value: string,
  bounds: { notBefore?: readonly [string | null, string]; notAfter?: readonly [string | null, string] },
): string {
  const [earliest, earliestIs] = bounds.notBefore ?? [null, ''];
  const [latest, latestIs] = bounds.notAfter ?? [null, ''];
  if (earliest !== null && value < earliest) throw new BadUserInputError(field, `${field} must not be before ${earliest}, ${earliestIs}`);
  if (latest !== null && value > latest) throw new BadUserInputError(field, `${field} must not be after ${latest}, ${latestIs}`);
  return value;
}

export function optionalIsoDate(field: string, value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : isoDate(field, value);
}

export function webAddress(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  try {
    const url = new URL(value.trim());
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // reported below
  }
  throw new BadUserInputError(field, `${field} must be an http(s) address`);
}

export function emailAddress(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const email = value.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new BadUserInputError(field, `${field} must be an e-mail address`);
  return email;
}

export function year(field: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const thisYear = new Date().getUTCFullYear();
  if (!Number.isInteger(value) || value < 1800 || value > thisYear) {
    throw new BadUserInputError(field, `${field} must be a year from 1800 to ${thisYear}`);
  }
  return value;
}

/** An amount of whole currency units, given as a decimal string: exact, and past 2^53. */
export function wholeAmount(field: string, value: string | null | undefined, options: { allowZero?: boolean } = {}): bigint {
  const text = (value ?? '').trim();
  if (!/^\d{1,18}$/.test(text) || (!options.allowZero && BigInt(text) === 0n)) {
    throw new BadUserInputError(field, `${field} must be a whole amount, written in digits${options.allowZero ? '' : ', above 0'}`);
  }
  return BigInt(text);
}

/** Whether `value` is a UUID: ids that are not cannot name anything, so lookups skip the query. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** The widest span of years a per-year series may be asked for: the answer has a row per year. */
export const MAX_YEAR_SPAN = 200;

/**
 * A span of years a series is asked for (`fromYear` to `toYear`, both included, each optional):
 * whole years from 1800 to 2200, in order, at most MAX_YEAR_SPAN of them.
 */
export function yearRange(
  fromYear: number | null | undefined,
  toYear: number | null | undefined,
): { readonly fromYear: number | null; readonly toYear: number | null } {
  for (const [field, value] of [
    ['fromYear', fromYear],
    ['toYear', toYear],
  ] as const) {
    if (value !== null && value !== undefined && (!Number.isInteger(value) || value < 1800 || value > 2200))
      throw new BadUserInputError(field, `${field} must be a year from 1800 to 2200`);
  }
  const from = fromYear ?? null;
  const to = toYear ?? null;
  if (from !== null && to !== null && from > to) throw new BadUserInputError('toYear', 'toYear must not come before fromYear');
  if (from !== null && to !== null && to - from >= MAX_YEAR_SPAN)
    throw new BadUserInputError('toYear', `A series may span at most ${MAX_YEAR_SPAN} years`);
  return { fromYear: from, toYear: to };
}
