/**
 * The facts of ../shared/domain.md that the demo data shows, written down here from the notes
 * (not read from the seed files, so that a seed that drifts from the notes fails the test):
 * clusters with their county and dated levels, the programme budgets, the Conversion Engine's
 * reported awards, which open it and fund NCE Raufoss, and Norsk katapult's centres, nodes and money. Used by the tests that start Klynge.
 */
export const DEMO_FACTS = {
  /** Name, county, and each level with the year it was admitted or upgraded (known to the year). */
  clusters: [
    ['NCE Systems Engineering', '33', [['NCE', 2006]]],
    ['NCE Raufoss', '34', [['NCE', 2006]]],
    [
      'GCE Blue Maritime',
      '15',
      [
        ['NCE', 2006],
        ['GCE', 2014],
      ],
    ],
    [
      'GCE Ocean Technology',
      '46',
      [
        ['NCE', 2006],
        ['GCE', 2015],
      ],
    ],
    ['NCE Microsystems', '39', [['NCE', 2006]]],
    ['NCE Instrumentation', '50', [['NCE', 2006]]],
    ['Oslo Cancer Cluster', '03', [['NCE', 2007]]],
    ['NCE Aquaculture', '18', [['NCE', 2007]]],
    ['NCE Culinology', '11', [['NCE', 2007]]],
    ['NCE Tourism Fjord Norway', '46', [['NCE', 2009]]],
    [
      'GCE NODE',
      '42',
      [
        ['NCE', 2009],
        ['GCE', 2014],
      ],
    ],
    ['NCE Smart Energy Markets', '31', [['NCE', 2009]]],
    ['NCE Seafood Innovation Cluster', '46', [['NCE', 2015]]],
    ['NCE Eyde', '42', [['NCE', 2015]]],
    ['Norway Health Tech', '03', [['NCE', 2015]]],
    ['Innovasjon Torskefisk', '18', [['ARENA', 2015]]],
    ['Arena olje- og gassklynge Helgeland', '18', [['ARENA', 2015]]],
    ['Oslo EdTech Cluster', '03', [['ARENA', 2015]]],
    ['Norwegian Rooms', '15', [['ARENA', 2013]]],
    ['Norwegian Smart Care Cluster', '11', [['ARENA_PRO', 2019]]],
  ] as const,
  /** Programme budgets: seed 003 (NIC 2015), 001 (the pilot, half industry), 000 (the Conversion Engine, the Catapult). */
  budgets: [
    { programmeCode: 'KATAPULT', year: 2017, amount: { amount: '50000000' }, cofunders: [] },
    { programmeCode: 'NIC', year: 2015, amount: { amount: '137000000' }, cofunders: [] },
    {
      programmeCode: 'OMSTILLING-PILOT',
      year: 2015,
      amount: { amount: '10000000' },
      cofunders: [
        { name: 'Industry', share: 0.5 },
        { name: 'Innovasjon Norge', share: 0.5 },
      ],
    },
    { programmeCode: 'OMSTILLINGSMOTOREN', year: 2017, amount: { amount: '30000000' }, cofunders: [] },
  ],
  /** SINTEF news, 2017: the Conversion Engine's awards; the year is all the source gives of the date, and no period. */
  conversionEngineAwards: [
    { amount: '8000000', recipients: ['NCE Raufoss'] },
    { amount: '14000000', recipients: ['Digital Norway', 'iKuben', 'Smart Innovation Norway', 'Kongsberg'] },
  ],
  /** Seed 000: NOK 30 million for competence programmes from November 2017; 300 companies; three themes. */
  conversionEngine: {
    name: 'The Conversion Engine (Omstillingsmotoren)',
    targetCompanies: 300,
    periodStart: '2017-11-01',
    periodStartPrecision: 'MONTH',
    themes: ['innovation', 'sustainability', 'technology'],
    // "Established clusters": which levels, the source does not say.
    acceptedHostLevels: null,
  },
  /** NCE was a level until 2018 (the new programmes started 1 January 2019, seed 004); what came next is not in the sources. */
  nceEnded: '2019-01-01',
  /** Funding programmes: periods known to the year; who may apply, known only for the cluster programme itself. */
  fundingProgrammes: [
    {
      code: 'KATAPULT',
      periodStart: '2017-01-01',
      periodStartPrecision: 'YEAR',
      eligibleClusterLevels: null,
      eligibleOrganizationKinds: null,
    },
    {
      code: 'NIC',
      periodStart: '2014-01-01',
      periodStartPrecision: 'YEAR',
      eligibleClusterLevels: ['ARENA', 'ARENA_PRO', 'NCE', 'GCE'],
      eligibleOrganizationKinds: [],
    },
    {
      code: 'OMSTILLING-PILOT',
      periodStart: '2015-01-01',
      periodStartPrecision: 'YEAR',
      eligibleClusterLevels: null,
      eligibleOrganizationKinds: null,
    },
    {
      code: 'OMSTILLINGSMOTOREN',
      periodStart: '2017-01-01',
      periodStartPrecision: 'YEAR',
      eligibleClusterLevels: null,
      eligibleOrganizationKinds: null,
    },
  ],
  /** Seed 001: two pilots, "a pilot in 2015, continued in 2016": they took place; no source says they ended. */
  pilots: [
    { name: 'Klyngene som omstillingsmotor: Kongsberg and Raufoss', hosts: ['NCE Raufoss', 'NCE Systems Engineering'] },
    { name: 'Klyngene som omstillingsmotor: Smart Energy Halden', hosts: ['NCE Smart Energy Markets'] },
  ],
  /** Siva and Norsk katapult: five centres (designated to the month), the clusters behind two of them, and their counties. */
  catapultCentres: [
    { name: 'Future Materials', designatedOn: '2017-10-01', counties: ['42'], clusters: ['NCE Eyde'] },
    { name: 'Manufacturing Technology', designatedOn: '2017-10-01', counties: ['34'], clusters: ['NCE Raufoss'] },
    { name: 'Digicat', designatedOn: '2018-06-01', counties: ['15'], clusters: [] },
    { name: 'Ocean Innovation', designatedOn: '2018-06-01', counties: ['46'], clusters: [] },
    { name: 'Sustainable Energy', designatedOn: '2018-06-01', counties: ['46'], clusters: [] },
  ],
  /** The eight pilot nodes of 2022; no node's own amount is known, only the total. */
  catapultNodes: [
    'Cod Cluster',
    'Kongsberg Klyngen',
    'Kunnskapsparken Helgeland',
    'NCE iKuben',
    'Powered by Telemark',
    'Proneo',
    'Smart Innovation Norway',
    'Stiftelsen Jæren Teknologisenter',
  ],
  /** Money to the scheme per year: 50 million (2017); 125 + 55 million (2018); over 47 million to the nodes (2022). */
  /** Forskningsrådet's FORREGION 2020 call: opened, deadline, decision by, and the window for projects to start. */
  forregion2020: {
    opensOn: '2020-10-07',
    deadline: '2020-11-18',
    decisionBy: '2020-12-20',
    earliestStart: '2021-01-01',
    latestStart: '2021-04-01',
  },
  catapultAllocations: [
    { year: 2017, total: { amount: '50000000' }, totalIsLowerBound: false },
    { year: 2018, total: { amount: '180000000' }, totalIsLowerBound: false },
    { year: 2022, total: { amount: '47000000' }, totalIsLowerBound: true },
  ],
} as const;

interface Answer<T> {
  data?: T;
  errors?: unknown[];
}
type Query = <T>(query: string, variables?: Record<string, unknown>) => Promise<Answer<T>>;

const ok = <T>(answer: Answer<T>): T => {
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data!;
};

/**
 * Reads the demo data through the gateway and answers what it finds in the shape of DEMO_FACTS,
 * for a test to compare with them. Reads only what the facts name, so a database that holds more
 * (a developer's) is read the same way.
 */
export async function readDemoFacts(query: Query) {
  const { clusters } = ok(
    await query<{
      clusters: { edges: { node: { id: string; name: string; countyCode: string; level: string | null; levelHistory: LevelPeriod[] } }[] };
    }>(`{ clusters(first: 100) { edges { node { id name countyCode level levelHistory { level from fromPrecision to } } } } }`),
  );
  const byName = new Map(clusters.edges.map(({ node }) => [node.name, node]));
  const raufoss = byName.get('NCE Raufoss');
  const { budgets } = ok(
    await query<{ budgets: { programmeCode: string }[] }>(`{ budgets { programmeCode year amount { amount } cofunders { name share } } }`),
  );
  const { grants } = ok(
    await query<{ grants: { edges: { node: ReportedGrant }[] } }>(
      `{ grants(filter: { programmeCode: "OMSTILLINGSMOTOREN" }) { edges { node {
         id amountAwarded { amount } awardDate awardDatePrecision plannedStart plannedEnd source recipients { name clusterId } } } } }`,
    ),
  );
  const reported = grants.edges
    .map(({ node }) => node)
    .filter((grant) => grant.source === 'SINTEF news, 2017')
    .sort((a, b) => Number(a.amountAwarded.amount) - Number(b.amountAwarded.amount));
  // One query answered by three subgraphs: the cluster's funding, the programmes it hosts, the catapult centres behind it.
  const { cluster } = ok(
    await query<{
      cluster: { fundingTotal: { amount: string }; hostedProgrammes: HostedProgramme[]; catapultCentres: { name: string }[] } | null;
    }>(
      `query($id: ID!) { cluster(id: $id) { fundingTotal(programmeCode: "OMSTILLINGSMOTOREN") { amount }
         hostedProgrammes { name status targetCompanies periodStart periodStartPrecision themes acceptedHostLevels grant { id } }
         catapultCentres { name } } }`,
      { id: raufoss?.id ?? '00000000-0000-4000-8000-000000000000' },
    ),
  );
  const engine = cluster?.hostedProgrammes.find((programme) => programme.name === DEMO_FACTS.conversionEngine.name);
  const { fundingProgrammes } = ok(
    await query<{ fundingProgrammes: { code: string }[] }>(
      `{ fundingProgrammes { code periodStart periodStartPrecision eligibleClusterLevels eligibleOrganizationKinds } }`,
    ),
  );
  const { competenceProgrammes } = ok(
    await query<{ competenceProgrammes: { name: string; hostClusters: { id: string }[] }[] }>(
      `{ competenceProgrammes { name status periodStart periodStartPrecision periodEnd periodEndPrecision acceptedHostLevels source
           hostClusters { id } } }`,
    ),
  );
  const nameOf = new Map(clusters.edges.map(({ node }) => [node.id, node.name]));
  const partners = ok(
    await query<{
      catapultCentres: {
        name: string;
        designatedOn: string;
        designatedOnPrecision: string;
        locations: { countyCode: string }[];
        clusters: { id: string }[];
      }[];
      catapultNodes: { name: string; selectedOn: string; selectedOnPrecision: string; amountGranted: unknown }[];
      catapultAllocationsByYear: unknown[];
      researchCalls: { title: string }[];
      researchProjects: { totalCount: number };
    }>(
      `{ catapultCentres { name designatedOn designatedOnPrecision locations { countyCode } clusters { id } }
         catapultNodes { name selectedOn selectedOnPrecision amountGranted { amount } }
         catapultAllocationsByYear { year total { amount } totalIsLowerBound }
         researchCalls { title opensOn deadline decisionBy earliestStart latestStart }
         researchProjects { totalCount } }`,
    ),
  );
  return {
    clusters: DEMO_FACTS.clusters.map(([name]) => {
      const found = byName.get(name);
      return found ? [name, found.countyCode, found.level, found.levelHistory] : [name, 'missing', null, []];
    }),
    fundingProgrammes: fundingProgrammes
      .filter((programme) => DEMO_FACTS.fundingProgrammes.some((fact) => fact.code === programme.code))
      .sort((a, b) => (a.code < b.code ? -1 : 1)),
    pilots: DEMO_FACTS.pilots.map((pilot) => {
      const found = competenceProgrammes.find((programme) => programme.name === pilot.name);
      return found && { ...found, hostClusters: found.hostClusters.map((host) => nameOf.get(host.id)).sort() };
    }),
    budgets: budgets.filter((budget) => DEMO_FACTS.budgets.some((fact) => fact.programmeCode === budget.programmeCode)),
    reported,
    raufossId: raufoss?.id,
    raufossFromTheConversionEngine: cluster?.fundingTotal.amount,
    conversionEngine: engine,
    raufossCatapultCentres: cluster?.catapultCentres,
    catapultCentres: partners.catapultCentres.map((centre) => ({
      name: centre.name,
      designatedOn: centre.designatedOn,
      designatedOnPrecision: centre.designatedOnPrecision,
      counties: [...new Set(centre.locations.map((place) => place.countyCode))],
      clusters: centre.clusters.map((behind) => nameOf.get(behind.id)),
    })),
    catapultNodes: partners.catapultNodes.map((node) => [node.name, node.selectedOn, node.selectedOnPrecision, node.amountGranted]).sort(),
    catapultAllocations: partners.catapultAllocationsByYear,
    forregion2020: partners.researchCalls.find((call) => call.title === 'FORREGION 2020'),
    // No invented research project: projects come only from an import.
    researchProjects: partners.researchProjects.totalCount,
  };
}

/** DEMO_FACTS in the shape readDemoFacts answers, given what only the running system knows (ids). */
export function expectedDemoFacts(found: { raufossId: string | undefined; reported: ReportedGrant[] }) {
  const raufossGrant = found.reported.find((grant) => grant.recipients.some((recipient) => recipient.clusterId === found.raufossId));
  return {
    // Each period runs to the next; an NCE period ends with NCE, and the level today is then not known.
    clusters: DEMO_FACTS.clusters.map(([name, county, levels]) => {
      const last = levels.at(-1)![0];
      return [
        name,
        county,
        last === 'NCE' ? null : last,
        levels.map(([level, year], index) => ({
          level,
          from: `${year}-01-01`,
          fromPrecision: 'YEAR',
          to: index + 1 < levels.length ? `${levels[index + 1]![1]}-01-01` : level === 'NCE' ? DEMO_FACTS.nceEnded : null,
        })),
      ];
    }),
    fundingProgrammes: DEMO_FACTS.fundingProgrammes,
    pilots: DEMO_FACTS.pilots.map((pilot) => ({
      name: pilot.name,
      status: 'RUNNING',
      periodStart: '2015-01-01',
      periodStartPrecision: 'YEAR',
      periodEnd: '2016-12-31',
      periodEndPrecision: 'YEAR',
      acceptedHostLevels: null,
      source: 'Innovasjon Norge, 2015 (seed 001)',
      hostClusters: [...pilot.hosts],
    })),
    budgets: DEMO_FACTS.budgets,
    reported: DEMO_FACTS.conversionEngineAwards.map((award) => ({
      // The ids are the system's own; everything else is the source's.
      id: found.reported.find((grant) => grant.amountAwarded.amount === award.amount)?.id,
      amountAwarded: { amount: award.amount },
      awardDate: '2017-01-01',
      awardDatePrecision: 'YEAR',
      plannedStart: null,
      plannedEnd: null,
      source: 'SINTEF news, 2017',
      recipients: award.recipients.map((name) => ({ name, clusterId: name === 'NCE Raufoss' ? found.raufossId : null })),
    })),
    raufossId: found.raufossId,
    raufossFromTheConversionEngine: '8000000',
    conversionEngine: {
      ...DEMO_FACTS.conversionEngine,
      themes: [...DEMO_FACTS.conversionEngine.themes],
      status: 'OPEN',
      grant: { id: raufossGrant?.id },
    },
    raufossCatapultCentres: [{ name: 'Manufacturing Technology' }],
    catapultCentres: DEMO_FACTS.catapultCentres.map((centre) => ({ ...centre, designatedOnPrecision: 'MONTH' })),
    catapultNodes: DEMO_FACTS.catapultNodes.map((name) => [name, '2022-01-01', 'YEAR', null]),
    catapultAllocations: DEMO_FACTS.catapultAllocations,
    forregion2020: { title: 'FORREGION 2020', ...DEMO_FACTS.forregion2020 },
    researchProjects: 0,
  };
}

interface LevelPeriod {
  level: string;
  from: string;
  fromPrecision: string;
  to: string | null;
}
interface ReportedGrant {
  id: string;
  amountAwarded: { amount: string };
  source: string | null;
  recipients: { name: string; clusterId: string | null }[];
}
interface HostedProgramme {
  name: string;
}
