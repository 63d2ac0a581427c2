import type { GrantRecipientRecord, GrantRecord } from './grant.queries';

/**
 * A grant in the 360Giving data standard (its required fields, and the useful optional ones the
 * domain notes list). Organisations are identified as NO-BRC-<organisation number>; a cluster
 * (not a legal entity) or an agency whose number is not known gets an identifier under the
 * publisher's own 360G- prefix, as the standard does for organisations without a register number.
 * 360Giving amounts are JSON numbers: whole NOK stays exact up to 2^53 (9 million billion).
 * A reported grant says only what its source says: no amount applied for, no planned dates, and
 * an award date known only to the month or year is said so in the description.
 */
export function toGiving360(
  grant: GrantRecord,
  programme: { code: string; name: string },
  agency: { code: string; name: string; orgNumber: string | null },
): Record<string, unknown> {
  const reported = grant.source !== null;
  const precision =
    grant.awardDatePrecision === 'DAY' ? '' : ` The award date is known to the ${grant.awardDatePrecision.toLowerCase()} only.`;
  return {
    id: `360G-klynge-${grant.id}`,
    title: grant.title,
    description: reported
      ? `${grant.title}: a grant from ${programme.name} (${agency.name}), as reported by ${grant.source}.${precision}`
      : `${grant.title}: a grant from ${programme.name} (${agency.name}).`,
    currency: 'NOK',
    amountAwarded: Number(grant.amountAwarded.amount),
    ...(grant.amountRequested === null ? {} : { amountAppliedFor: Number(grant.amountRequested) }),
    // Left out where its payments are not recorded: the standard allows that, and 0 would say none was made.
    ...(grant.paymentsRecorded ? { amountDisbursed: Number(grant.amountPaid) } : {}),
    awardDate: grant.awardDate,
    ...(grant.plannedStart === null || grant.plannedEnd === null
      ? {}
      : {
          plannedDates: [
            { startDate: grant.plannedStart, endDate: grant.plannedEnd, duration: monthsBetween(grant.plannedStart, grant.plannedEnd) },
          ],
        }),
    recipientOrganization: grant.recipients.map((recipient, index) => ({
      id: recipientId(grant.id, recipient, index),
      name: recipient.name ?? (recipient.orgNumber ? `Organisation ${recipient.orgNumber}` : 'Cluster'),
    })),
    fundingOrganization: [{ id: agency.orgNumber ? `NO-BRC-${agency.orgNumber}` : `360G-klynge-agency-${agency.code}`, name: agency.name }],
    grantProgramme: [{ code: programme.code, title: programme.name }],
    // Whether a reported grant came through an open call, its source does not say.
    ...(reported ? {} : { fromOpenCall: 'Yes' }),
    dateModified: grant.updatedAt,
  };
}

function recipientId(grantId: string, recipient: GrantRecipientRecord, index: number): string {
  if (recipient.orgNumber) return `NO-BRC-${recipient.orgNumber}`;
  if (recipient.clusterId) return `360G-klynge-cluster-${recipient.clusterId}`;
  return `360G-klynge-grant-${grantId}-recipient-${index + 1}`;
}

/** Whole months from start to end (inclusive of a started month), as 360Giving's duration. */
function monthsBetween(start: string, end: string): number {
  const [startYear, startMonth, startDay] = start.split('-').map(Number) as [number, number, number];
  const [endYear, endMonth, endDay] = end.split('-').map(Number) as [number, number, number];
  return Math.max(1, (endYear - startYear) * 12 + (endMonth - startMonth) + (endDay >= startDay ? 1 : 0));
}
