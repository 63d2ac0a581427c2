/**
 * Shared rules for values every service meets: organisation numbers, counties, company size.
 * Facts from ../shared/domain.md (Brønnøysundregistrene, the 2024 county reform, the EU SME rule).
 */

const ORG_NUMBER_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/**
 * Whether `value` is a valid Norwegian organisation number: nine digits whose last is the MOD11
 * check digit of the first eight (weights 3,2,7,6,5,4,3,2; remainder 1 means no valid number).
 */
export function isValidOrgNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = ORG_NUMBER_WEIGHTS.reduce((total, weight, index) => total + weight * digits[index]!, 0);
  const remainder = sum % 11;
  if (remainder === 1) return false;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check === digits[8];
}

/** Norway's counties (fylker) from 1 January 2024, by code. */
export const COUNTIES: Readonly<Record<string, string>> = {
  '03': 'Oslo',
  '11': 'Rogaland',
  '15': 'Møre og Romsdal',
  '18': 'Nordland',
  '31': 'Østfold',
  '32': 'Akershus',
  '33': 'Buskerud',
  '34': 'Innlandet',
  '39': 'Vestfold',
  '40': 'Telemark',
  '42': 'Agder',
  '46': 'Vestland',
  '50': 'Trøndelag',
  '55': 'Troms',
  '56': 'Finnmark',
};

/** A municipality number has four digits, the first two its county's code. */
export function isMunicipalityInCounty(municipalityCode: string, countyCode: string): boolean {
  return /^\d{4}$/.test(municipalityCode) && municipalityCode.slice(0, 2) === countyCode;
}

export type SizeClass = 'SME' | 'LARGE';

/** The EU SME definition on headcount: fewer than 250 employees. Unknown headcount, unknown class. */
export const SME_EMPLOYEE_LIMIT = 250;

export function sizeClassOf(employees: number | null | undefined): SizeClass | null {
  if (employees === null || employees === undefined) return null;
  return employees < SME_EMPLOYEE_LIMIT ? 'SME' : 'LARGE';
}
