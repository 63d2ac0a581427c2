/** The levels of the Norwegian Innovation Clusters programme (NCE was a level until 2018). */
export const CLUSTER_LEVELS = ['ARENA', 'ARENA_PRO', 'NCE', 'GCE'] as const;
export type ClusterLevel = (typeof CLUSTER_LEVELS)[number];

/** Each level as people write it, for display (the enum's values are ARENA_PRO, ...). */
export const CLUSTER_LEVEL_LABELS: Readonly<Record<ClusterLevel, string>> = {
  ARENA: 'Arena',
  ARENA_PRO: 'Arena Pro',
  NCE: 'NCE',
  GCE: 'GCE',
};

/**
 * What the ClusterLevel enum and each of its values mean, as every subgraph that has the enum
 * describes it (registerEnumType's options): composition merges them, so they must read alike.
 */
export const CLUSTER_LEVEL_DESCRIPTIONS = {
  description: 'Programme levels: ARENA (early phase), ARENA_PRO (from 2019), NCE (a level until 2018), GCE.',
  valuesConfig: {
    ARENA: { description: 'Arena: the early phase of a cluster (3 years from 2019).' },
    ARENA_PRO: { description: 'Arena Pro: a level introduced with the programme of 2019 (5 years).' },
    NCE: {
      description:
        'Norwegian Centres of Expertise: a level with a national position until 2018. From 2019 a brand rather than a level, so an NCE period ends with 2018 unless a source says otherwise.',
    },
    GCE: { description: 'Global Centres of Expertise: a global position (10 years from 2019).' },
  },
} as const satisfies { description: string; valuesConfig: Record<ClusterLevel, { description: string }> };

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
