import type { ClusterLevel } from '@klynge/contracts';

/**
 * Demo clusters: only the facts in ../shared/domain.md (from the seed articles and Innovation
 * Norway's yearly admissions). Where the notes give a year but no date, the level period starts
 * on 1 January with YEAR precision; an NCE period ends on 31 December 2018, when NCE stopped being
 * a level, and the level after is left unknown; what the notes do not say (sectors, municipality, manager,
 * a town for a region) stays empty. Organisations are not seeded: the notes name some, but give
 * no organisation numbers, and an invented number would pass for a real one.
 */
export interface SeedCluster {
  readonly name: string;
  readonly town: string | null;
  readonly countyCode: string;
  readonly description: string | null;
  /** Oldest first; each year is when the cluster was admitted to or upgraded to the level. */
  readonly levels: readonly { readonly level: ClusterLevel; readonly year: number; readonly reason: string }[];
}

export const SEED_CLUSTERS: readonly SeedCluster[] = [
  {
    name: 'NCE Systems Engineering',
    town: 'Kongsberg',
    countyCode: '33',
    description: 'Pilot cluster of "Klyngene som omstillingsmotor" (2015) with NCE Raufoss.',
    levels: [{ level: 'NCE', year: 2006, reason: 'Admitted as NCE in 2006' }],
  },
  {
    name: 'NCE Raufoss',
    town: 'Raufoss',
    countyCode: '34',
    description: 'Pilot cluster of "Klyngene som omstillingsmotor" (2015) with NCE Systems Engineering.',
    levels: [{ level: 'NCE', year: 2006, reason: 'Admitted as NCE in 2006' }],
  },
  {
    name: 'GCE Blue Maritime',
    town: 'Ålesund',
    countyCode: '15',
    description: 'Formerly NCE Maritime.',
    levels: [
      { level: 'NCE', year: 2006, reason: 'Admitted as NCE Maritime in 2006' },
      { level: 'GCE', year: 2014, reason: 'Upgraded to GCE Blue Maritime in 2014' },
    ],
  },
  {
    name: 'GCE Ocean Technology',
    town: 'Bergen',
    countyCode: '46',
    description: 'Formerly NCE Subsea, then GCE Subsea.',
    levels: [
      { level: 'NCE', year: 2006, reason: 'Admitted as NCE Subsea in 2006' },
      { level: 'GCE', year: 2015, reason: 'Upgraded to GCE Subsea in 2015' },
    ],
  },
  {
    name: 'NCE Microsystems',
    town: null,
    countyCode: '39',
    description: null,
    levels: [{ level: 'NCE', year: 2006, reason: 'Admitted as NCE in 2006' }],
  },
  {
    name: 'NCE Instrumentation',
    town: null,
    countyCode: '50',
    description: null,
    levels: [{ level: 'NCE', year: 2006, reason: 'Admitted as NCE in 2006' }],
  },
  {
    name: 'Oslo Cancer Cluster',
    town: 'Oslo',
    countyCode: '03',
    description: null,
    levels: [{ level: 'NCE', year: 2007, reason: 'Admitted as NCE in 2007' }],
  },
  {
    name: 'NCE Aquaculture',
    town: null,
    countyCode: '18',
    description: null,
    levels: [{ level: 'NCE', year: 2007, reason: 'Admitted as NCE in 2007' }],
  },
  {
    name: 'NCE Culinology',
    town: null,
    countyCode: '11',
    description: null,
    levels: [{ level: 'NCE', year: 2007, reason: 'Admitted as NCE in 2007' }],
  },
  {
    name: 'NCE Tourism Fjord Norway',
    town: 'Bergen',
    countyCode: '46',
    description: null,
    levels: [{ level: 'NCE', year: 2009, reason: 'Admitted as NCE in 2009' }],
  },
  {
    name: 'GCE NODE',
    town: 'Kristiansand',
    countyCode: '42',
    description: 'Formerly NCE NODE.',
    levels: [
      { level: 'NCE', year: 2009, reason: 'Admitted as NCE NODE in 2009' },
      { level: 'GCE', year: 2014, reason: 'Upgraded to GCE NODE in 2014' },
    ],
  },
  {
    name: 'NCE Smart Energy Markets',
    town: 'Halden',
    countyCode: '31',
    description: 'Formerly NCE Energy & Emission Trading; pilot cluster of "Klyngene som omstillingsmotor" (2015) as Smart Energy Halden.',
    levels: [{ level: 'NCE', year: 2009, reason: 'Admitted as NCE Energy & Emission Trading in 2009' }],
  },
  {
    name: 'NCE Seafood Innovation Cluster',
    town: 'Bergen',
    countyCode: '46',
    description: null,
    levels: [{ level: 'NCE', year: 2015, reason: 'Admitted as NCE in 2015' }],
  },
  {
    name: 'NCE Eyde',
    town: null,
    countyCode: '42',
    description: null,
    levels: [{ level: 'NCE', year: 2015, reason: 'Admitted as NCE in 2015' }],
  },
  {
    name: 'Norway Health Tech',
    town: 'Oslo',
    countyCode: '03',
    description: 'Formerly NCE Health Technology (Oslo Medtech).',
    levels: [{ level: 'NCE', year: 2015, reason: 'Admitted as NCE Health Technology in 2015' }],
  },
  {
    name: 'Innovasjon Torskefisk',
    town: null,
    countyCode: '18',
    description: null,
    levels: [{ level: 'ARENA', year: 2015, reason: 'Admitted as Arena in 2015' }],
  },
  {
    name: 'Arena olje- og gassklynge Helgeland',
    town: null,
    countyCode: '18',
    description: null,
    levels: [{ level: 'ARENA', year: 2015, reason: 'Admitted as Arena in 2015' }],
  },
  {
    name: 'Oslo EdTech Cluster',
    town: 'Oslo',
    countyCode: '03',
    description: null,
    levels: [{ level: 'ARENA', year: 2015, reason: 'Admitted as Arena in 2015' }],
  },
  {
    name: 'Norwegian Rooms',
    town: null,
    countyCode: '15',
    description: 'Applied for NCE status in 2018.',
    levels: [{ level: 'ARENA', year: 2013, reason: 'Admitted as Arena in 2013' }],
  },
  {
    name: 'Norwegian Smart Care Cluster',
    town: 'Stavanger',
    countyCode: '11',
    description: 'An Arena cluster before 2019 (the year it became one is not in the sources).',
    levels: [{ level: 'ARENA_PRO', year: 2019, reason: 'Arena Pro from 2019' }],
  },
];
