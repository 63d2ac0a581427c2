import type { ServiceUnderTest } from '@klynge/service-testing';
import { announceCluster, announceFundingProgramme, startCompetence } from '../test-support/competence-harness';
import { seedCompetence } from './seed-competence';
import { SEED_PROGRAMMES } from './seed-data';

describe('the competence demo seed', () => {
  let harness: ServiceUnderTest;

  beforeAll(async () => {
    harness = await startCompetence('competence_seed');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('plans the programmes whose hosts are known, the rest on a later run, each once', async () => {
    const { dataSource, unitOfWork } = harness.service;
    await announceFundingProgramme(harness, 'OMSTILLINGSMOTOREN');
    await announceFundingProgramme(harness, 'OMSTILLING-PILOT');
    await announceCluster(harness, { name: 'NCE Raufoss', level: 'NCE', countyCode: '34' });
    expect(await seedCompetence(dataSource, unitOfWork)).toEqual(['The Conversion Engine (Omstillingsmotoren)']);

    await announceCluster(harness, { name: 'NCE Systems Engineering', level: 'NCE', countyCode: '33' });
    await announceCluster(harness, { name: 'NCE Smart Energy Markets', level: 'NCE', countyCode: '31' });
    expect(await seedCompetence(dataSource, unitOfWork)).toEqual(SEED_PROGRAMMES.slice(1).map((programme) => programme.name));
    expect(await seedCompetence(dataSource, unitOfWork)).toEqual([]);

    const engine = await harness.query<{ competenceProgrammes: unknown[] }>(
      `{ competenceProgrammes(theme: "sustainability") { name targetCompanies periodStart reach { companiesReached shareOfTarget } } }`,
    );
    expect(engine.data!.competenceProgrammes).toEqual([
      {
        name: 'The Conversion Engine (Omstillingsmotoren)',
        targetCompanies: 300,
        periodStart: '2017-11-01',
        reach: { companiesReached: 0, shareOfTarget: 0 },
      },
    ]);
    const { data } = await harness.query<{ competenceProgrammes: unknown[] }>(
      `{ competenceProgrammes(theme: "digitalisation") { name status capacity targetCompanies knowledgeTransfer { targetSector } hostClusters { id } } }`,
    );
    expect(data!.competenceProgrammes).toEqual([
      {
        name: 'Klyngene som omstillingsmotor: Smart Energy Halden',
        status: 'PLANNED',
        capacity: null,
        targetCompanies: null,
        knowledgeTransfer: { targetSector: 'industry in other clusters' },
        hostClusters: [{ id: expect.any(String) }],
      },
    ]);
  });
});
