import { BadUserInputError } from '@klynge/platform';
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
