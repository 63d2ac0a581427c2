import { BadUserInputError } from '@klynge/platform';
import type { DatePrecision } from './common';
import { COUNTIES, isMunicipalityInCounty, isValidOrgNumber } from './values';

/**
 * Input checks for the shared values, naming the field (BAD_USER_INPUT) as mutations need. A
 * GraphQL client may send null for any field it may leave out; where a value is needed, null is
 * the client's mistake like any other.
 */

export function orgNumberInput(field: string, value: string | null | undefined): string {
  const digits = (value ?? '').replace(/\s/g, '');
  if (!isValidOrgNumber(digits)) {
    throw new BadUserInputError(field, `${field} must be a valid organisation number (nine digits, MOD11 check digit)`);
  }
  return digits;
}

export function countyCodeInput(field: string, value: string | null | undefined): string {
  if (value === null || value === undefined || !Object.hasOwn(COUNTIES, value)) {
    throw new BadUserInputError(field, `${field} must be a county code from 2024: ${Object.keys(COUNTIES).join(', ')}`);
  }
  return value;
}

export function municipalityCodeInput(field: string, value: string | null | undefined, county: string): string | null {
  if (value === null || value === undefined) return null;
  if (!isMunicipalityInCounty(value, county)) {
    throw new BadUserInputError(field, `${field} must be four digits starting with the county code ${county}`);
  }
  return value;
}

/**
 * A date known to a month or a year is written as the first day of that month or year: anything
 * else would claim a day the source does not give.
 */
export function preciseDateInput(field: string, date: string, precision: DatePrecision): string {
  const [, month, day] = date.split('-');
  if (precision === 'YEAR' && (month !== '01' || day !== '01')) {
    throw new BadUserInputError(field, `${field} is known to the year only: write it as 1 January of that year`);
  }
  if (precision === 'MONTH' && day !== '01') {
    throw new BadUserInputError(field, `${field} is known to the month only: write it as the first day of that month`);
  }
  return date;
}
