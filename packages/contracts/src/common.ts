/** The levels of the Norwegian Innovation Clusters programme (NCE was a level until 2018). */
export const CLUSTER_LEVELS = ['ARENA', 'ARENA_PRO', 'NCE', 'GCE'] as const;
export type ClusterLevel = (typeof CLUSTER_LEVELS)[number];

/**
 * The agencies that run the cluster programme (Innovasjon Norge with Siva and Forskningsrådet),
 * by agency code: their caseworkers keep the cluster registry and the competence programmes
 * that belong to no funding programme of one agency.
 */
export const CLUSTER_PROGRAMME_AGENCIES: readonly string[] = ['innovasjon-norge', 'siva', 'forskningsradet'];

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/**
 * How exact a date is, where a source gives less than a day ("November 2017", "in 2015"): the
 * date is then the first day of its month or year, and says no more than that.
 */
export const DATE_PRECISIONS = ['DAY', 'MONTH', 'YEAR'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** An amount of money held exactly: whole units as a decimal string (never a float). */
export interface MoneyData {
  readonly amount: string;
  readonly currency: string;
}
