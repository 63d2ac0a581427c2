import { countyCodeInput, municipalityCodeInput, orgNumberInput } from '@klynge/contracts';
import { BadUserInputError, isoDate, isUuid, preciseDateInput, requiredText, type DatePrecision } from '@klynge/platform';
import type { NamedOrganizationInput, PlaceInput } from './place-organization.types';

/** A place as stored: the county's name is read from its code when answering. */
export interface StoredPlace {
  readonly place: string;
  readonly municipalityCode: string | null;
  readonly countyCode: string;
}

export interface StoredOrganization {
  readonly name: string;
  readonly orgNumber: string | null;
}

/** At least one place, each with a county of 2024 and, where given, a municipality in it. */
export function placesInput(field: string, places: readonly PlaceInput[] | null | undefined): StoredPlace[] {
  if (!places || places.length === 0) throw new BadUserInputError(field, `${field} needs at least one place`);
  return places.map((place, index) => {
    const countyCode = countyCodeInput(`${field}[${index}].countyCode`, place.countyCode);
    return {
      place: requiredText(`${field}[${index}].place`, place.place, 100),
      municipalityCode: municipalityCodeInput(`${field}[${index}].municipalityCode`, place.municipalityCode, countyCode),
      countyCode,
    };
  });
}

/** Organisations as the sources name them; an organisation number, where given, must pass MOD11. */
export function organizationsInput(
  field: string,
  organizations: readonly NamedOrganizationInput[] | null | undefined,
): StoredOrganization[] {
  return (organizations ?? []).map((organization, index) => organizationInput(`${field}[${index}]`, organization));
}

export function organizationInput(field: string, organization: NamedOrganizationInput): StoredOrganization {
  return {
    name: requiredText(`${field}.name`, organization.name, 200),
    orgNumber:
      organization.orgNumber === null || organization.orgNumber === undefined || organization.orgNumber.trim() === ''
        ? null
        : orgNumberInput(`${field}.orgNumber`, organization.orgNumber),
  };
}

/** A date as exact as its source: known to a month or year, it is the first day of it. */
export function sourcedDate(field: string, value: string, precision: DatePrecision): string {
  return preciseDateInput(field, isoDate(field, value), precision);
}

/** Ids given as a list: each a UUID, none twice. */
export function idList(field: string, ids: readonly string[] | null | undefined): string[] {
  const list = (ids ?? []).map((id) => id.toLowerCase());
  const malformed = list.find((id) => !isUuid(id));
  if (malformed !== undefined) throw new BadUserInputError(field, `${malformed} is not an id`);
  return [...new Set(list)];
}
