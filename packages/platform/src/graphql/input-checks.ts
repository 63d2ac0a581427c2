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

export function requiredText(field: string, value: string | null | undefined, maxLength = 200): string {
  const text = (value ?? '').trim();
  if (text === '') throw new BadUserInputError(field, `${field} must not be empty`);
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
