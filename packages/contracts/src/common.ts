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

/** How exact a date is (DAY, MONTH, YEAR): the one enum of every subgraph, in @klynge/platform. */
export type { DatePrecision } from '@klynge/platform';

/** An amount of money held exactly: whole units as a decimal string (never a float). */
export interface MoneyData {
  readonly amount: string;
  readonly currency: string;
}
