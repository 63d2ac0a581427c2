import { clusterFacts } from '@klynge/nic-facts';
import { endsAfterOsloToday } from '@klynge/platform';
import { CURRENT_LEVEL_SQL } from '../clusters/cluster.queries';
import { reportedClusters } from '../clusters/reported-history';
import { type ClustersUnderTest, startClusters } from '../test-support/clusters-under-test';
import { seedClusters } from './seed-clusters';

interface Period {
  level: string;
  from: string | null;
  to: string | null;
  fromYear: number | null;
  toYear: number | null;
  endedBy: string | null;
  fromYearsReported: number[];
  claims: { says: string; year: number | null; source: { url: string; site: string } }[];
}

describe('the demo seed', () => {
  let clusters: ClustersUnderTest;

  beforeAll(async () => {
    clusters = await startClusters('seed');
  });

  afterAll(async () => {
    await clusters?.close();
  });

  it("loads the register's clusters with their level periods and the pages that report them, once", async () => {
    const { dataSource, unitOfWork } = clusters.service;
    const first = await seedClusters(dataSource, unitOfWork);
    const second = await seedClusters(dataSource, unitOfWork);
    expect(first).toHaveLength(reportedClusters(clusterFacts()).length);
    expect(second).toEqual([]);

    const cluster = async (slug: string) =>
      (
        await clusters.query<{
          cluster: {
            level: string | null;
            town: string | null;
            county: { name: string } | null;
            otherNames: string[];
            levelHistory: Period[];
          };
        }>(
          `{ cluster(slug: "${slug}") { level town county { name } otherNames
             levelHistory { level from to fromYear toYear endedBy fromYearsReported claims { says year source { url site } } } } }`,
        )
      ).data!.cluster;

    const blueMaritime = await cluster('gce-blue-maritime');
    expect(blueMaritime).toMatchObject({ town: 'Ålesund', county: { name: 'Møre og Romsdal' } });
    expect(blueMaritime.otherNames).toContain('NCE Maritime');
    expect(blueMaritime.levelHistory.map(({ level, fromYear, toYear, endedBy }) => ({ level, fromYear, toYear, endedBy }))).toEqual([
      // A page gives the NCE span; no page ends the GCE period, so its ten-year term does, said as such.
      { level: 'NCE', fromYear: 2006, toYear: 2014, endedBy: 'SOURCE' },
      { level: 'GCE', fromYear: 2014, toYear: 2024, endedBy: 'TERM' },
    ]);
    // Every claim names its page, and the page is one of the register's for this cluster.
    const pages = new Set(
      clusterFacts()
        .filter((fact) => fact.cluster === 'GCE Blue Maritime')
        .map((fact) => fact.sourceUrl),
    );
    for (const claim of blueMaritime.levelHistory.flatMap((period) => period.claims)) {
      expect(pages.has(claim.source.url)).toBe(true);
      expect(claim.source.site).toBe(new URL(claim.source.url).host);
    }
    // A term does not make today known: no page covers 2026.
    expect(blueMaritime.level).toBeNull();

    // A page gives the Arena Pro period to 2026: the level today is known.
    expect((await cluster('stiim-aqua-cluster')).level).toBe('ARENA_PRO');

    // Pages disagree on NCE Media's NCE start: both years are kept, the earlier is fromYear.
    const media = (await cluster('nce-media')).levelHistory.find((period) => period.level === 'NCE')!;
    expect([media.fromYear, media.fromYearsReported]).toEqual([2014, [2014, 2015]]);

    // No page gives the year Innovasjon Torskefisk became an Arena: the start stays unknown.
    expect((await cluster('innovasjon-torskefisk')).levelHistory).toEqual([
      expect.objectContaining({ level: 'ARENA', from: null, fromYear: null, to: null, toYear: null, endedBy: null }),
    ]);

    const counts = await clusters.query<{
      clusterCounts: { total: number; levelUnknown: number; countyUnknown: number; undatedLevels: number; byLevel: unknown[] };
    }>('{ clusterCounts { total levelUnknown countyUnknown undatedLevels byLevel { level clusters } } }');
    const reported = reportedClusters(clusterFacts());
    expect(counts.data!.clusterCounts).toEqual({
      total: reported.length,
      levelUnknown: reported.length - 1,
      countyUnknown: reported.filter((entry) => entry.countyCode === null).length,
      undatedLevels: reported.filter((entry) => entry.periods.some((period) => period.fromYear === null)).length,
      byLevel: [{ level: 'ARENA_PRO', clusters: 1 }],
    });

    // What each cluster's events say of its level today (its level, until levelUntil, as a read
    // model reads them) is what the registry says.
    const disagreeing = await clusters.db.query<{ slug: string }>(
      `SELECT c.slug FROM clusters c WHERE ${CURRENT_LEVEL_SQL} IS DISTINCT FROM CASE WHEN ${endsAfterOsloToday('c.level_until')} THEN c.level END`,
    );
    expect(disagreeing).toEqual([]);

    // Levels over time, as the level histories say: held on 31 December of each year, zero-filled;
    // periods no page dates are not counted.
    const over = await clusters.query<{ clusterLevelsByYear: { year: number; level: string; clusters: number }[] }>(
      '{ clusterLevelsByYear(fromYear: 2013, toYear: 2020) { year level clusters } }',
    );
    const histories = await clusters.query<{ clusters: { edges: { node: { levelHistory: Period[] } }[] } }>(
      '{ clusters(first: 100) { edges { node { levelHistory { level from to } } } } }',
    );
    const periods = histories.data!.clusters.edges.flatMap(({ node }) => node.levelHistory);
    const expected = [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020].flatMap((year) =>
      ['ARENA', 'ARENA_PRO', 'NCE', 'GCE'].map((level) => ({
        year,
        level,
        clusters: periods.filter(
          (period) =>
            period.level === level &&
            period.from !== null &&
            period.from <= `${year}-12-31` &&
            (period.to === null || period.to > `${year}-12-31`),
        ).length,
      })),
    );
    expect(over.data!.clusterLevelsByYear).toEqual(expected);
  });
});
