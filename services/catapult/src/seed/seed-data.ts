import type { DatePrecision } from '@klynge/platform';
import type { StoredOrganization, StoredPlace } from '../scheme/scheme.validation';
import type { AllocationRecipient, AmountBound } from '../scheme/allocation.types';
import type { CatapultTheme } from '../scheme/centre.types';

/**
 * Norsk katapult as the domain notes give it (../shared/domain.md, "Siva and Norsk katapult";
 * sources: siva.no 2019-10, 2022-11, 2024-05, norskkatapult.no, innovasjonogforskning.no). Only
 * those facts: a month or year where the sources give no day, no organisation number a source
 * does not give, no municipality number (the notes name places, not municipalities), no node's
 * share of the nodes' money, and no project (projects exist only in tests and the benchmark's
 * labelled synthetic data). A place's county is the county of the place the source names.
 */
export interface SeedCentre {
  readonly name: string;
  readonly alsoKnownAs: readonly string[];
  readonly theme: CatapultTheme;
  readonly designatedOn: string;
  readonly designatedOnPrecision: DatePrecision;
  readonly locations: readonly StoredPlace[];
  readonly hostOrganizations: readonly StoredOrganization[];
  readonly partnerOrganizations: readonly StoredOrganization[];
  /** The clusters behind it, by their names in the clusters subgraph. */
  readonly clusters: readonly string[];
}

const place = (name: string, countyCode: string): StoredPlace => ({ place: name, municipalityCode: null, countyCode });
const named = (name: string): StoredOrganization => ({ name, orgNumber: null });

export const SEED_CENTRES: readonly SeedCentre[] = [
  {
    name: 'Manufacturing Technology',
    alsoKnownAs: ['Norwegian Manufacturing Technology Center'],
    theme: 'MANUFACTURING_TECHNOLOGY',
    designatedOn: '2017-10-01',
    designatedOnPrecision: 'MONTH',
    locations: [place('Raufoss', '34')],
    // SINTEF Raufoss Manufacturing runs it on behalf of NCE Raufoss.
    hostOrganizations: [named('SINTEF Raufoss Manufacturing')],
    partnerOrganizations: [],
    clusters: ['NCE Raufoss'],
  },
  {
    name: 'Future Materials',
    alsoKnownAs: ['FutureMat'],
    theme: 'MATERIALS',
    designatedOn: '2017-10-01',
    designatedOnPrecision: 'MONTH',
    locations: [place('Grimstad', '42'), place('Kristiansand', '42')],
    // "Elkem with Eyde Cluster, Mechatronics Innovation Lab, Resitec and others": the others are not named.
    hostOrganizations: [named('Elkem')],
    partnerOrganizations: [named('Mechatronics Innovation Lab'), named('Resitec')],
    // The register's name for it (its earlier names include NCE Eyde).
    clusters: ['Eyde Cluster'],
  },
  {
    name: 'Ocean Innovation',
    alsoKnownAs: ['Ocean Technologies'],
    theme: 'OCEAN',
    designatedOn: '2018-06-01',
    designatedOnPrecision: 'MONTH',
    locations: [place('Bergen', '46')],
    hostOrganizations: [],
    partnerOrganizations: [],
    clusters: [],
  },
  {
    name: 'Sustainable Energy',
    alsoKnownAs: [],
    theme: 'ENERGY',
    designatedOn: '2018-06-01',
    designatedOnPrecision: 'MONTH',
    locations: [place('Stord', '46')],
    hostOrganizations: [],
    partnerOrganizations: [],
    clusters: [],
  },
  {
    name: 'Digicat',
    alsoKnownAs: [],
    theme: 'DIGITALISATION',
    designatedOn: '2018-06-01',
    designatedOnPrecision: 'MONTH',
    locations: [place('Ålesund', '15')],
    hostOrganizations: [],
    partnerOrganizations: [],
    clusters: [],
  },
];

/** The eight pilot nodes of 2022 (chosen from 28 applications); which centres each works with, the notes do not say. */
export const SEED_NODES: readonly { readonly host: string; readonly locations: readonly StoredPlace[] }[] = [
  { host: 'Powered by Telemark', locations: [place('Herøya', '40')] },
  { host: 'Kongsberg Klyngen', locations: [place('Kongsberg', '33')] },
  { host: 'Smart Innovation Norway', locations: [place('Halden', '31')] },
  { host: 'Stiftelsen Jæren Teknologisenter', locations: [place('Bryne', '11')] },
  { host: 'NCE iKuben', locations: [place('Molde', '15')] },
  { host: 'Proneo', locations: [place('Verdal', '50')] },
  { host: 'Kunnskapsparken Helgeland', locations: [place('Mo i Rana', '18')] },
  { host: 'Cod Cluster', locations: [place('Bodø', '18'), place('Båtsfjord', '56')] },
];
export const NODES_SELECTED_ON = { date: '2022-01-01', precision: 'YEAR' } as const;

export interface SeedAllocation {
  readonly year: number;
  readonly amount: string;
  readonly amountBound: AmountBound;
  readonly recipient: AllocationRecipient;
  /** For CENTRES: the centres' names. */
  readonly centres: readonly string[];
  readonly grantedBy: string | null;
  readonly purpose: string;
}

const MINISTRY = 'Ministry of Trade, Industry and Fisheries (Nærings- og fiskeridepartementet)';

export const SEED_ALLOCATIONS: readonly SeedAllocation[] = [
  {
    year: 2017,
    amount: '50000000',
    amountBound: 'EXACT',
    recipient: 'SCHEME',
    centres: [],
    grantedBy: null,
    purpose: 'To Siva for the scheme; 38 applicants in the first open competition',
  },
  {
    year: 2018,
    amount: '125000000',
    amountBound: 'EXACT',
    recipient: 'SCHEME',
    centres: [],
    grantedBy: MINISTRY,
    purpose: 'Granted to Norsk katapult',
  },
  {
    year: 2018,
    amount: '55000000',
    amountBound: 'EXACT',
    recipient: 'CENTRES',
    centres: ['Manufacturing Technology', 'Future Materials'],
    grantedBy: MINISTRY,
    purpose: 'For developing the two existing centres',
  },
  {
    year: 2022,
    amount: '47000000',
    amountBound: 'MORE_THAN',
    recipient: 'NODES',
    centres: [],
    grantedBy: null,
    purpose: 'The eight pilot catapult nodes together ("over NOK 47 million"); how it was split is not known',
  },
];
