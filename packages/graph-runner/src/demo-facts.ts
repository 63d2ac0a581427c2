import type { ClusterFact } from '@klynge/nic-facts';
import demoFacts from './demo-facts.json';

/**
 * The facts of ../shared/domain.md that the demo data shows, written down in demo-facts.json from
 * the notes (not read from the seed files, so that a seed that drifts from the notes fails the
 * test): the programme budgets, the Conversion Engine's reported awards, which open it and fund
 * NCE Raufoss, and Norsk katapult's centres, nodes and money. The clusters and their levels come
 * from the sourced register (@klynge/nic-facts), and are checked against it (registerMismatches).
 * Used by the tests that start Klynge.
 */
export interface DemoFacts {
  /** Programme budgets: seed 003 (NIC 2015), 001 (the pilot, half industry), 000 (the Conversion Engine, the Catapult). */
  readonly budgets: readonly {
    readonly programmeCode: string;
    readonly year: number;
    readonly amount: { readonly amount: string };
    readonly cofunders: readonly { readonly name: string; readonly share: number }[];
  }[];
  /** SINTEF news, 2017: the Conversion Engine's awards; the year is all the source gives of the date, and no period. */
  readonly conversionEngineAwards: readonly { readonly amount: string; readonly recipients: readonly string[] }[];
  /** Seed 000: NOK 30 million for competence programmes from November 2017; 300 companies; three themes. */
  readonly conversionEngine: {
    readonly name: string;
    readonly targetCompanies: number;
    readonly periodStart: string;
    readonly periodStartPrecision: string;
    readonly themes: readonly string[];
    /** "Established clusters": which levels, the source does not say. */
    readonly acceptedHostLevels: null;
  };
  /** Funding programmes: periods known to the year; who may apply, known only for the cluster programme itself. */
  readonly fundingProgrammes: readonly {
    readonly code: string;
    readonly periodStart: string;
    readonly periodStartPrecision: string;
    readonly eligibleClusterLevels: readonly string[] | null;
    readonly eligibleOrganizationKinds: readonly string[] | null;
  }[];
  /** Seed 001: two pilots, "a pilot in 2015, continued in 2016": they took place; no source says they ended. */
  readonly pilots: readonly { readonly name: string; readonly hosts: readonly string[] }[];
  /** Siva and Norsk katapult: five centres (designated to the month), the clusters behind two of them, and their counties. */
  readonly catapultCentres: readonly {
    readonly name: string;
    readonly designatedOn: string;
    readonly counties: readonly string[];
    readonly clusters: readonly string[];
  }[];
  /** The eight pilot nodes of 2022; no node's own amount is known, only the total. */
  readonly catapultNodes: readonly string[];
  /** Forskningsrådet's FORREGION 2020 call: opened, deadline, decision by, and the window for projects to start. */
  readonly forregion2020: {
    readonly opensOn: string;
    readonly deadline: string;
    readonly decisionBy: string;
    readonly earliestStart: string;
    readonly latestStart: string;
  };
  /** Money to the scheme per year: 50 million (2017); 125 + 55 million (2018); over 47 million to the nodes (2022). */
  readonly catapultAllocations: readonly {
    readonly year: number;
    readonly total: { readonly amount: string };
    readonly totalIsLowerBound: boolean;
  }[];
}

/** demo-facts.json, which tsc checks against DemoFacts here (and copies into dist beside this file). */
export const DEMO_FACTS: DemoFacts = demoFacts;

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
      clusters: { edges: { node: DemoCluster }[] };
    }>(
      `{ clusters(first: 100) { edges { node { id name otherNames countyCode town level
         levelHistory { level fromYear toYear endedBy basis claims { says year source { url } } } } } } }`,
    ),
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
    clusters: clusters.edges.map(({ node }) => node),
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
export function expectedDemoFacts(found: { raufossId: string | undefined; reported: ReportedGrant[]; clusters: DemoCluster[] }) {
  const raufossGrant = found.reported.find((grant) => grant.recipients.some((recipient) => recipient.clusterId === found.raufossId));
  return {
    // The clusters as they were read: registerMismatches checks them against the register.
    clusters: found.clusters,
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

/** A cluster of the demo as the graph answers it. */
export interface DemoCluster {
  id: string;
  name: string;
  otherNames: string[];
  countyCode: string | null;
  town: string | null;
  level: string | null;
  levelHistory: {
    level: string;
    fromYear: number | null;
    toYear: number | null;
    endedBy: string | null;
    basis: string;
    claims: { says: 'START' | 'END' | 'HELD'; year: number | null; source: { url: string } }[];
  }[];
}

/** The register's words for the programme's levels. */
const LEVEL_WORDS: Readonly<Record<string, string>> = { ARENA: 'Arena', ARENA_PRO: 'Arena Pro', NCE: 'NCE', GCE: 'GCE' };

/**
 * What the demo's clusters say that the sourced register does not: a cluster it does not hold, a
 * level period with no page of the register behind it, a claim whose page, level or year is not
 * the register's, a start or a sourced end no claim gives, a level today no page covers, or a
 * register cluster with a level that the demo lacks. Empty when the demo holds the register's
 * facts and nothing else.
 */
export function registerMismatches(clusters: readonly DemoCluster[], facts: readonly ClusterFact[]): string[] {
  const problems: string[] = [];
  const names = new Set(facts.map((fact) => fact.cluster));
  const today = new Date().getFullYear();
  for (const cluster of clusters) {
    if (!names.has(cluster.name)) {
      problems.push(`${cluster.name}: not a cluster of the register`);
      continue;
    }
    const rows = facts.filter((fact) => fact.cluster === cluster.name);
    const otherNames = new Set(rows.flatMap((row) => row.otherNames));
    for (const name of cluster.otherNames)
      if (!otherNames.has(name)) problems.push(`${cluster.name}: other name ${name} not in the register`);
    if (cluster.town !== null && !rows.some((row) => row.place?.includes(cluster.town!))) {
      problems.push(`${cluster.name}: no page names the town ${cluster.town}`);
    }
    for (const period of cluster.levelHistory) {
      const where = `${cluster.name}, ${period.level} ${period.fromYear ?? '?'}-${period.toYear ?? '?'}`;
      if (period.basis !== 'REPORTED') problems.push(`${where}: not reported by a source`);
      if (period.claims.length === 0) problems.push(`${where}: no page behind it`);
      for (const claim of period.claims) {
        const backed = rows.some(
          (row) =>
            row.sourceUrl === claim.source.url &&
            row.level === LEVEL_WORDS[period.level] &&
            (claim.year === null || claim.year === (claim.says === 'END' ? row.toYear : row.fromYear)),
        );
        if (!backed) problems.push(`${where}: ${claim.says} ${claim.year ?? ''} from ${claim.source.url} is not in the register`);
      }
      const starts = period.claims.filter((claim) => claim.says === 'START').map((claim) => claim.year);
      if (period.fromYear !== null && !starts.includes(period.fromYear))
        problems.push(`${where}: no page gives the start ${period.fromYear}`);
      const ends = period.claims.filter((claim) => claim.says === 'END').map((claim) => claim.year);
      if (period.endedBy === 'SOURCE' && period.toYear !== null && !ends.includes(period.toYear)) {
        problems.push(`${where}: no page gives the end ${period.toYear}`);
      }
    }
  }
  for (const cluster of clusters) {
    const covering = cluster.levelHistory.filter(
      (period) =>
        period.endedBy === 'SOURCE' &&
        period.fromYear !== null &&
        period.toYear !== null &&
        period.fromYear <= today &&
        today <= period.toYear,
    );
    if (cluster.level !== null && !covering.some((period) => period.level === cluster.level)) {
      problems.push(`${cluster.name}: ${cluster.level} today, though no page covers today`);
    }
  }
  const loaded = new Set(clusters.map((cluster) => cluster.name));
  for (const name of names) {
    if (!loaded.has(name) && facts.some((fact) => fact.cluster === name && fact.level !== null && fact.level in REGISTER_LEVELS)) {
      problems.push(`${name}: a cluster of the register with a level, not in the demo`);
    }
  }
  return problems;
}

const REGISTER_LEVELS: Readonly<Record<string, true>> = Object.fromEntries(Object.values(LEVEL_WORDS).map((word) => [word, true]));
interface ReportedGrant {
  id: string;
  amountAwarded: { amount: string };
  source: string | null;
  recipients: { name: string; clusterId: string | null }[];
}
interface HostedProgramme {
  name: string;
}
