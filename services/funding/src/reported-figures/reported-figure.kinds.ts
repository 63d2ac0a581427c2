import type { ProgrammeFact } from '@klynge/nic-facts';

export const PROGRAMME_FACT_KINDS = [
  'BUDGET',
  'CLUSTERS',
  'CLUSTERS_BY_LEVEL',
  'SUPPORT_PER_CLUSTER',
  'COMPANIES',
  'APPLICATIONS',
  'OTHER',
] as const;
export type ProgrammeFactKind = (typeof PROGRAMME_FACT_KINDS)[number];

/**
 * What a reported figure is about, for a dashboard to set it beside its own count, read from the
 * register's unit and wording once, here. Anything the rules do not recognise is OTHER: still
 * shown with its page, never set beside a count it may not be.
 */
export function kindOf(fact: Pick<ProgrammeFact, 'fact' | 'unit'>): ProgrammeFactKind {
  const unit = fact.unit ?? '';
  const what = fact.fact.toLowerCase();
  if (/clusters per level/.test(what)) return 'CLUSTERS_BY_LEVEL';
  // The cluster programme's own money in a year; not a cluster's budget, a cut or a sub-programme's frame.
  if (
    unit === 'NOK million' &&
    /^(programme (total )?(budget|frame)|cluster programme allocation|nce programme funds available)/.test(what)
  ) {
    return 'BUDGET';
  }
  if (/per year/.test(unit) && /average|per cluster|annual|base funding|per arena|per nce/.test(what)) return 'SUPPORT_PER_CLUSTER';
  // Every cluster in the programme that year; not the NCEs alone, nor one round's admissions.
  if (unit === 'clusters' && /^(number of clusters (after|in programme)|clusters receiving services)/.test(what)) return 'CLUSTERS';
  if (unit === 'companies' && /member/.test(what)) return 'COMPANIES';
  if (/^applications?$/.test(unit) || unit === 'applicants') return 'APPLICATIONS';
  return 'OTHER';
}

/** The figure as a number, where the page gives one plain number ("137", "182.8"); null otherwise ("about 30", "3 / 14 / 22"). */
export function quantityOf(value: string): string | null {
  return /^\d+(\.\d+)?$/.test(value.trim()) ? value.trim() : null;
}
