import type { ClusterLevel } from '@klynge/contracts';
import type { AgencyKind } from '../programmes/programme.types';

/**
 * Demo funding data: only the facts in ../shared/domain.md (seed articles 000, 001 and 003).
 * Agencies' organisation numbers are not in the notes and stay empty. Programme periods are known
 * to the year (YEAR precision: from 1 January, to 31 December). Who may apply is recorded only
 * where the notes say: the cluster programme's levels; for the pilot ("three clusters"), the
 * Conversion Engine ("established clusters") and the Catapult it is not known (null). The two Conversion Engine awards the notes report (SINTEF
 * news, 2017) are recorded as reported grants, outside the application workflow: the notes give
 * no calls or applications for them, no planned period, and their award date only to the year.
 */
export const SEED_AGENCIES: readonly { code: string; name: string; kind: AgencyKind }[] = [
  { code: 'innovasjon-norge', name: 'Innovasjon Norge', kind: 'INNOVATION_NORWAY' },
  { code: 'siva', name: 'Siva', kind: 'SIVA' },
  { code: 'forskningsradet', name: 'Forskningsrådet', kind: 'RESEARCH_COUNCIL' },
  { code: 'enova', name: 'Enova', kind: 'ENOVA' },
  { code: 'eu', name: 'The European Union', kind: 'EU' },
];

export interface SeedProgramme {
  readonly code: string;
  readonly name: string;
  readonly agencyCode: string;
  readonly purpose: string;
  /** null: not known. */
  readonly eligibleClusterLevels: ClusterLevel[] | null;
  readonly eligibleOrganizationKinds: string[] | null;
  readonly periodStart: string;
  readonly periodEnd?: string;
  readonly budgets: readonly { year: number; amount: string; cofunders?: { name: string; amount: string }[] }[];
}

export const SEED_PROGRAMMES: readonly SeedProgramme[] = [
  {
    code: 'NIC',
    name: 'Norwegian Innovation Clusters',
    agencyCode: 'innovasjon-norge',
    purpose: 'The national cluster programme, run with Siva and Forskningsrådet; NCE was folded into it in 2014.',
    eligibleClusterLevels: ['ARENA', 'ARENA_PRO', 'NCE', 'GCE'],
    eligibleOrganizationKinds: [],
    periodStart: '2014-01-01',
    budgets: [{ year: 2015, amount: '137000000' }],
  },
  {
    code: 'OMSTILLING-PILOT',
    name: 'Klyngene som omstillingsmotor',
    agencyCode: 'innovasjon-norge',
    purpose: 'Pilot (2015, continued 2016): spreading knowledge and technology from the best clusters to other clusters and sectors.',
    eligibleClusterLevels: null,
    eligibleOrganizationKinds: null,
    periodStart: '2015-01-01',
    periodEnd: '2016-12-31',
    budgets: [
      {
        year: 2015,
        amount: '10000000',
        cofunders: [
          { name: 'Innovasjon Norge', amount: '5000000' },
          { name: 'Industry', amount: '5000000' },
        ],
      },
    ],
  },
  {
    code: 'OMSTILLINGSMOTOREN',
    name: 'The Conversion Engine (Omstillingsmotoren)',
    agencyCode: 'innovasjon-norge',
    purpose:
      'Competence programmes run by up to four clusters, so that 300 companies gain expertise in innovation, sustainability and technology.',
    eligibleClusterLevels: null,
    eligibleOrganizationKinds: null,
    periodStart: '2017-01-01',
    budgets: [{ year: 2017, amount: '30000000' }],
  },
  {
    code: 'KATAPULT',
    name: 'Norwegian Catapult',
    agencyCode: 'siva',
    purpose: 'Test and pilot centres that more companies and R&D environments can share.',
    eligibleClusterLevels: null,
    eligibleOrganizationKinds: null,
    periodStart: '2017-01-01',
    budgets: [{ year: 2017, amount: '50000000' }],
  },
];

export interface SeedReportedGrant {
  readonly programmeCode: string;
  readonly budgetYear: number;
  readonly amountAwarded: string;
  /** The year the source dates it to: recorded as 1 January with YEAR precision. */
  readonly awardYear: number;
  readonly title: string;
  readonly source: string;
  /** As the source names them; `cluster` where the recipient is a demo cluster (by name). */
  readonly recipients: readonly { readonly name: string; readonly cluster?: string }[];
}

export const SEED_REPORTED_GRANTS: readonly SeedReportedGrant[] = [
  {
    programmeCode: 'OMSTILLINGSMOTOREN',
    budgetYear: 2017,
    amountAwarded: '8000000',
    awardYear: 2017,
    title: 'The Conversion Engine: NCE Raufoss',
    source: 'SINTEF news, 2017',
    recipients: [{ name: 'NCE Raufoss', cluster: 'NCE Raufoss' }],
  },
  {
    programmeCode: 'OMSTILLINGSMOTOREN',
    budgetYear: 2017,
    amountAwarded: '14000000',
    awardYear: 2017,
    title: 'The Conversion Engine: a consortium of four clusters',
    source: 'SINTEF news, 2017',
    // Not linked to demo clusters: "Kongsberg" and "Smart Innovation Norway" may be clusters we
    // register under other names, but the source does not say which.
    recipients: [{ name: 'Digital Norway' }, { name: 'iKuben' }, { name: 'Smart Innovation Norway' }, { name: 'Kongsberg' }],
  },
];
