import type { GrantRecord } from './grant.queries';

/**
 * A grant in the 360Giving data standard (its required fields, and the useful optional ones the
 * domain notes list). Organisations are identified as NO-BRC-<organisation number>; a cluster
 * (not a legal entity) or an agency whose number is not known gets an identifier under the
 * publisher's own 360G- prefix, as the standard does for organisations without a register number.
 * 360Giving amounts are JSON numbers: whole NOK stays exact up to 2^53 (9 million billion).
 */
export function toGiving360(
  grant: GrantRecord,
  programme: { code: string; name: string },
  agency: { code: string; name: string; orgNumber: string | null },
): Record<string, unknown> {
  return {
    id: `360G-klynge-${grant.id}`,
    title: grant.title,
    description: `${grant.title}: a grant from ${programme.name} (${agency.name}).`,
    currency: 'NOK',
    amountAwarded: Number(grant.amountAwarded.amount),
    amountAppliedFor: Number(grant.amountRequested),
    amountDisbursed: Number(grant.amountPaid),
    awardDate: grant.awardDate,
    plannedDates: [
      { startDate: grant.plannedStart, endDate: grant.plannedEnd, duration: monthsBetween(grant.plannedStart, grant.plannedEnd) },
    ],
    recipientOrganization: [
      {
        id: grant.orgNumber ? `NO-BRC-${grant.orgNumber}` : `360G-klynge-cluster-${grant.clusterId}`,
        name: grant.recipientName ?? (grant.orgNumber ? `Organisation ${grant.orgNumber}` : 'Cluster'),
      },
    ],
    fundingOrganization: [{ id: agency.orgNumber ? `NO-BRC-${agency.orgNumber}` : `360G-klynge-agency-${agency.code}`, name: agency.name }],
    grantProgramme: [{ code: programme.code, title: programme.name }],
    fromOpenCall: 'Yes',
    dateModified: grant.updatedAt,
  };
}

/** Whole months from start to end (inclusive of a started month), as 360Giving's duration. */
function monthsBetween(start: string, end: string): number {
  const [startYear, startMonth, startDay] = start.split('-').map(Number) as [number, number, number];
  const [endYear, endMonth, endDay] = end.split('-').map(Number) as [number, number, number];
  return Math.max(1, (endYear - startYear) * 12 + (endMonth - startMonth) + (endDay >= startDay ? 1 : 0));
}
