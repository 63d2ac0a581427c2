import { announceCluster, type ServiceUnderTest } from '@klynge/subgraph-under-test';
import { startCatapult } from '../test-support/catapult-under-test';
import { catapultSeedReady, seedCatapult } from './seed-catapult';
import { SEED_CENTRES, SEED_NODES } from './seed-data';

describe('the catapult demo seed', () => {
  let catapult: ServiceUnderTest;

  beforeAll(async () => {
    catapult = await startCatapult('catapult_seed');
  });

  afterAll(async () => {
    await catapult?.close();
  });

  it('loads the centres once the clusters behind them are known, the nodes and the allocations, each once', async () => {
    const { dataSource, unitOfWork } = catapult.service;
    expect(await catapultSeedReady(dataSource)).toBe(false);
    // Before the clusters arrive: the centres no cluster stands behind, and the nodes.
    const first = await seedCatapult(dataSource, unitOfWork);
    expect(first).toEqual([
      ...SEED_CENTRES.filter((centre) => centre.clusters.length === 0).map((centre) => centre.name),
      ...SEED_NODES.map((node) => node.host),
    ]);
    const raufoss = await announceCluster(catapult, { name: 'NCE Raufoss', level: 'NCE', countyCode: '34' });
    const eyde = await announceCluster(catapult, { name: 'Eyde Cluster', level: 'NCE', countyCode: '42' });
    expect(await catapultSeedReady(dataSource)).toBe(true);
    const second = await seedCatapult(dataSource, unitOfWork);
    expect(second).toEqual([
      'Manufacturing Technology',
      'Future Materials',
      '2017: NOK 50000000 (SCHEME)',
      '2018: NOK 125000000 (SCHEME)',
      '2018: NOK 55000000 (CENTRES)',
      '2022: NOK 47000000 (NODES)',
    ]);
    expect(await seedCatapult(dataSource, unitOfWork)).toEqual([]);

    const answer = await catapult.query<{
      catapultCentres: unknown[];
      catapultNodes: unknown[];
      catapultAllocationsByYear: unknown[];
      catapultProjects: { totalCount: number };
      _entities: unknown[];
    }>(
      `query($r: [_Any!]!) {
        catapultCentres { name designatedOn designatedOnPrecision locations { place countyName } }
        catapultNodes { name selectedOn selectedOnPrecision amountGranted { amount } }
        catapultAllocationsByYear { year total { amount } totalIsLowerBound }
        catapultProjects { totalCount }
        _entities(representations: $r) { ... on Cluster { catapultCentres { name } } } }`,
      { r: [raufoss, eyde].map((id) => ({ __typename: 'Cluster', id })) },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.catapultCentres).toEqual([
      {
        name: 'Future Materials',
        designatedOn: '2017-10-01',
        designatedOnPrecision: 'MONTH',
        locations: [
          { place: 'Grimstad', countyName: 'Agder' },
          { place: 'Kristiansand', countyName: 'Agder' },
        ],
      },
      {
        name: 'Manufacturing Technology',
        designatedOn: '2017-10-01',
        designatedOnPrecision: 'MONTH',
        locations: [{ place: 'Raufoss', countyName: 'Innlandet' }],
      },
      {
        name: 'Digicat',
        designatedOn: '2018-06-01',
        designatedOnPrecision: 'MONTH',
        locations: [{ place: 'Ålesund', countyName: 'Møre og Romsdal' }],
      },
      {
        name: 'Ocean Innovation',
        designatedOn: '2018-06-01',
        designatedOnPrecision: 'MONTH',
        locations: [{ place: 'Bergen', countyName: 'Vestland' }],
      },
      {
        name: 'Sustainable Energy',
        designatedOn: '2018-06-01',
        designatedOnPrecision: 'MONTH',
        locations: [{ place: 'Stord', countyName: 'Vestland' }],
      },
    ]);
    // Eight nodes of 2022, known to the year; no node's own amount is known.
    expect(answer.data!.catapultNodes).toHaveLength(8);
    expect(new Set(answer.data!.catapultNodes.map((node) => JSON.stringify({ ...(node as object), name: undefined })))).toEqual(
      new Set([JSON.stringify({ selectedOn: '2022-01-01', selectedOnPrecision: 'YEAR', amountGranted: null })]),
    );
    expect(answer.data!.catapultAllocationsByYear).toEqual([
      { year: 2017, total: { amount: '50000000' }, totalIsLowerBound: false },
      { year: 2018, total: { amount: '180000000' }, totalIsLowerBound: false },
      { year: 2022, total: { amount: '47000000' }, totalIsLowerBound: true },
    ]);
    // No invented project.
    expect(answer.data!.catapultProjects.totalCount).toBe(0);
    expect(answer.data!._entities).toEqual([
      { catapultCentres: [{ name: 'Manufacturing Technology' }] },
      { catapultCentres: [{ name: 'Future Materials' }] },
    ]);
  });
});
