import { CLUSTER_LEVELS, type ClusterLevel } from '@klynge/contracts';
import { OSLO_TODAY } from '@klynge/platform';
import { CURRENT_LEVEL_SQL, levelHeldToday } from './cluster.queries';
import { generateSyntheticClusters } from '../seed/synthetic-data';
import { type ClustersUnderTest, startClusters } from '../test-support/clusters-under-test';

interface Period {
  level: ClusterLevel;
  from: string | null;
  to: string | null;
  basis?: 'RECORDED' | 'REPORTED';
  endedBy?: 'SOURCE' | 'TERM';
}

/** A cluster written straight into the tables, as an import or the generated data would leave it. */
interface Case {
  name: string;
  registered: ClusterLevel;
  periods: Period[];
  /** What CURRENT_LEVEL_SQL says of it today, and levelHeldToday's `until`. */
  level: ClusterLevel | null;
  until: string | null;
}

describe("clusters: the level held today, at its periods' edges", () => {
  let clusters: ClustersUnderTest;
  let cases: Case[];

  beforeAll(async () => {
    clusters = await startClusters('current_level');
    // Today as the database sees it in Norway, so that the edges are the rule's own.
    const [days] = await clusters.db.query<{ today: string; tomorrow: string; nextYear: string }>(
      `SELECT d::text AS today, (d + 1)::text AS tomorrow, make_date(extract(year FROM d)::int + 1, 1, 1)::text AS "nextYear"
       FROM (SELECT ${OSLO_TODAY} AS d) AS oslo`,
    );
    const { today, tomorrow, nextYear } = days!;
    const reported = (level: ClusterLevel, from: string | null, to: string | null, endedBy: 'SOURCE' | 'TERM' = 'SOURCE'): Period => ({
      level,
      from,
      to,
      basis: 'REPORTED',
      endedBy,
    });
    cases = [
      {
        name: 'Begins Today (generated)',
        registered: 'ARENA',
        periods: [
          { level: 'ARENA', from: '2015-01-01', to: today },
          { level: 'ARENA_PRO', from: today, to: null },
        ],
        level: 'ARENA_PRO',
        until: null,
      },
      {
        name: 'Begins Tomorrow (generated)',
        registered: 'ARENA',
        periods: [
          { level: 'ARENA', from: '2016-01-01', to: tomorrow },
          { level: 'ARENA_PRO', from: tomorrow, to: null },
        ],
        level: 'ARENA',
        until: tomorrow,
      },
      {
        name: 'Ends Today (generated)',
        registered: 'NCE',
        periods: [{ level: 'NCE', from: '2010-01-01', to: today }],
        level: null,
        until: null,
      },
      {
        name: 'Ends Tomorrow (generated)',
        registered: 'GCE',
        periods: [{ level: 'GCE', from: '2014-01-01', to: tomorrow }],
        level: 'GCE',
        until: tomorrow,
      },
      {
        name: 'Reported Without A Start (generated)',
        registered: 'NCE',
        periods: [reported('ARENA', null, nextYear)],
        level: 'ARENA',
        until: nextYear,
      },
      {
        name: 'Reported Until A Term (generated)',
        registered: 'ARENA_PRO',
        periods: [reported('ARENA_PRO', '2020-01-01', nextYear, 'TERM')],
        level: null,
        until: null,
      },
      {
        name: 'Reported Until Today (generated)',
        registered: 'GCE',
        periods: [reported('GCE', '2020-01-01', today)],
        level: null,
        until: null,
      },
      {
        // Two pages give a period from the same day: the one recorded last is the latest.
        name: 'Reported Twice From One Day (generated)',
        registered: 'ARENA',
        periods: [reported('ARENA', '2020-01-01', nextYear), reported('ARENA_PRO', '2020-01-01', nextYear)],
        level: 'ARENA_PRO',
        until: nextYear,
      },
      {
        // A dated period that has begun comes after one whose start no source gives, even one covering today.
        name: 'Dated After Undated (generated)',
        registered: 'GCE',
        periods: [reported('GCE', null, nextYear), reported('ARENA', '2019-01-01', '2020-01-01')],
        level: null,
        until: null,
      },
      { name: 'Without A History (generated)', registered: 'ARENA_PRO', periods: [], level: 'ARENA_PRO', until: null },
    ];
    for (const [index, { name, registered, periods }] of cases.entries()) {
      const [cluster] = await clusters.db.query<{ id: string }>(
        `INSERT INTO clusters (id, slug, name, level, county_code) VALUES (gen_random_uuid(), $1, $2, $3, '46') RETURNING id`,
        [`edge-case-${index}`, name, registered],
      );
      // In the order given: the later of two periods from one day has the higher id.
      for (const period of periods) {
        await clusters.db.query(
          `INSERT INTO cluster_level_periods (cluster_id, level, valid_from, valid_to, reason, basis, ended_by)
           VALUES ($1, $2, $3, $4, 'Edge case (generated)', $5, $6)`,
          [cluster!.id, period.level, period.from, period.to, period.basis ?? 'RECORDED', period.endedBy ?? null],
        );
      }
    }
  });

  afterAll(async () => {
    await clusters?.close();
  });

  it('is the same in the level field, the level filter, the counts and levelHeldToday', async () => {
    const list = await clusters.query<{ clusters: { edges: { node: { id: string; name: string; level: ClusterLevel | null } }[] } }>(
      '{ clusters(first: 50) { edges { node { id name level } } } }',
    );
    const nodes = list.data!.clusters.edges.map(({ node }) => node);
    expect(Object.fromEntries(nodes.map(({ name, level }) => [name, level]))).toEqual(
      Object.fromEntries(cases.map(({ name, level }) => [name, level])),
    );

    for (const level of CLUSTER_LEVELS) {
      const filtered = await clusters.query<{ clusters: { totalCount: number; edges: { node: { name: string } }[] } }>(
        'query($level: ClusterLevel!) { clusters(filter: { level: $level }, first: 50) { totalCount edges { node { name } } } }',
        { level },
      );
      const expected = cases.filter((held) => held.level === level).map(({ name }) => name);
      expect({ level, names: filtered.data!.clusters.edges.map(({ node }) => node.name).sort() }).toEqual({
        level,
        names: expected.sort(),
      });
      expect(filtered.data!.clusters.totalCount).toBe(expected.length);
    }

    const counts = await clusters.query<{ clusterCounts: { levelUnknown: number; byLevel: { level: string; clusters: number }[] } }>(
      '{ clusterCounts { levelUnknown byLevel { level clusters } } }',
    );
    expect(counts.data!.clusterCounts.levelUnknown).toBe(cases.filter(({ level }) => level === null).length);
    const byLevel = CLUSTER_LEVELS.map((level) => ({ level, clusters: cases.filter((held) => held.level === level).length }));
    expect(counts.data!.clusterCounts.byLevel).toEqual(expect.arrayContaining(byLevel.filter(({ clusters: n }) => n > 0)));

    const held = await Promise.all(
      nodes.map(async ({ id, name }) => {
        const { level, until } = await levelHeldToday(clusters.db, id);
        return { name, level, until };
      }),
    );
    expect(held.sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      cases.map(({ name, level, until }) => ({ name, level, until })).sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it("reads each cluster's latest period through an index, not all the periods per cluster", async () => {
    await generateSyntheticClusters(clusters.db, { clusters: 1_000, organizations: 1_000, grants: 0 });
    // The statement a page of clusters filtered by level counts with (keysetPage), over 1,000 clusters.
    const [explained] = await clusters.db.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
      `EXPLAIN (FORMAT JSON) SELECT count(*) FROM clusters c WHERE ${CURRENT_LEVEL_SQL} = $1`,
      ['GCE'],
    );
    const scans = planNodes(explained!['QUERY PLAN'][0].Plan).filter((node) => node['Relation Name'] === 'cluster_level_periods');
    expect(scans.map((node) => node['Node Type'])).toEqual(['Index Scan']);
  });
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}
