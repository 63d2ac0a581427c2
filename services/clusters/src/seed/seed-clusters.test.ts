import { type ClustersHarness, startClusters } from '../test-support/clusters-harness';
import { seedClusters } from './seed-clusters';
import { SEED_CLUSTERS } from './seed-data';

describe('the demo seed', () => {
  let harness: ClustersHarness;

  beforeAll(async () => {
    harness = await startClusters('seed');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('loads the clusters of the domain notes with their level history, once', async () => {
    const { dataSource, unitOfWork } = harness.service;
    const first = await seedClusters(dataSource, unitOfWork);
    const second = await seedClusters(dataSource, unitOfWork);

    expect(first).toHaveLength(SEED_CLUSTERS.length);
    expect(second).toEqual([]);
    const { data } = await harness.query<{ cluster: unknown }>(`{ cluster(slug: "gce-blue-maritime") {
      name level town county { name } levelHistory { level from fromPrecision to reason } } }`);
    expect(data!.cluster).toEqual({
      name: 'GCE Blue Maritime',
      level: 'GCE',
      town: 'Ålesund',
      county: { name: 'Møre og Romsdal' },
      levelHistory: [
        { level: 'NCE', from: '2006-01-01', fromPrecision: 'YEAR', to: '2014-01-01', reason: 'Admitted as NCE Maritime in 2006' },
        { level: 'GCE', from: '2014-01-01', fromPrecision: 'YEAR', to: null, reason: 'Upgraded to GCE Blue Maritime in 2014' },
      ],
    });
    // NCE was a level until 2018: an NCE period ends there, and the level today is not known.
    const raufoss = await harness.query<{ cluster: unknown }>(`{ cluster(slug: "nce-raufoss") { level levelHistory { level from to } } }`);
    expect(raufoss.data!.cluster).toEqual({ level: null, levelHistory: [{ level: 'NCE', from: '2006-01-01', to: '2019-01-01' }] });
    const counts = await harness.query<{ clusterCounts: { total: number; levelUnknown: number; byLevel: unknown[] } }>(
      '{ clusterCounts { total levelUnknown byLevel { level clusters } } }',
    );
    expect(counts.data!.clusterCounts).toEqual({
      total: 20,
      levelUnknown: 12,
      byLevel: [
        { level: 'ARENA', clusters: 4 },
        { level: 'ARENA_PRO', clusters: 1 },
        { level: 'GCE', clusters: 3 },
      ],
    });

    // Levels over time, as the level histories say: held on 31 December of each year, zero-filled.
    const over = await harness.query<{ clusterLevelsByYear: { year: number; level: string; clusters: number }[] }>(
      '{ clusterLevelsByYear(fromYear: 2013, toYear: 2020) { year level clusters } }',
    );
    const histories = await harness.query<{
      clusters: { edges: { node: { levelHistory: { level: string; from: string; to: string | null }[] } }[] };
    }>('{ clusters(first: 100) { edges { node { levelHistory { level from to } } } } }');
    const periods = histories.data!.clusters.edges.flatMap(({ node }) => node.levelHistory);
    const expected = [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020].flatMap((year) =>
      ['ARENA', 'ARENA_PRO', 'NCE', 'GCE'].map((level) => ({
        year,
        level,
        clusters: periods.filter(
          (period) => period.level === level && period.from <= `${year}-12-31` && (period.to === null || period.to > `${year}-12-31`),
        ).length,
      })),
    );
    expect(over.data!.clusterLevelsByYear).toEqual(expected);
    // NCE was a level until 2018, and no longer after.
    const nce = (year: number) => over.data!.clusterLevelsByYear.find((entry) => entry.year === year && entry.level === 'NCE')!.clusters;
    expect([nce(2018) > 0, nce(2019)]).toEqual([true, 0]);
  });
});
