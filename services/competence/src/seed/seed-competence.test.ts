import { randomUUID } from 'node:crypto';
import { GrantReported } from '@klynge/contracts';
import type { ServiceUnderTest } from '@klynge/subgraph-under-test';
import { waitFor } from '@klynge/test-infrastructure';
import { announceCluster, announceFundingProgramme, startCompetence } from '../test-support/competence-under-test';
import { competenceSeedReady, seedCompetence } from './seed-competence';
import { SEED_PROGRAMMES } from './seed-data';

describe('the competence demo seed', () => {
  let competence: ServiceUnderTest;

  beforeAll(async () => {
    competence = await startCompetence('competence_seed');
  });

  afterAll(async () => {
    await competence?.close();
  });

  it('plans the programmes whose hosts (and grant) are known, the rest on a later run, each once; the reported award opens the Conversion Engine', async () => {
    const { dataSource, unitOfWork } = competence.service;
    await announceFundingProgramme(competence, 'OMSTILLINGSMOTOREN');
    await announceFundingProgramme(competence, 'OMSTILLING-PILOT');
    const raufoss = await announceCluster(competence, { name: 'NCE Raufoss', level: 'NCE', countyCode: '34' });
    // The Conversion Engine waits for NCE Raufoss's award, as the funding seed reports it.
    expect(await seedCompetence(dataSource, unitOfWork)).toEqual([]);
    const grantId = randomUUID();
    await competence.publishEvent(GrantReported, grantId, {
      grantId,
      programmeCode: 'OMSTILLINGSMOTOREN',
      agencyCode: 'innovasjon-norge',
      recipients: [{ name: 'NCE Raufoss', clusterId: raufoss, orgNumber: null }],
      amountAwarded: { amount: '8000000', currency: 'NOK' },
      awardDate: '2017-01-01',
      awardDatePrecision: 'YEAR',
      budgetYear: 2017,
      source: 'SINTEF news, 2017',
    });
    await waitFor(
      'the award to reach competence',
      async () => (await competence.db.query('SELECT 1 FROM awarded_grants WHERE grant_id = $1', [grantId])).length === 1,
    );
    expect(await seedCompetence(dataSource, unitOfWork)).toEqual(['The Conversion Engine (Omstillingsmotoren)']);
    expect(await competenceSeedReady(dataSource)).toBe(false);

    await announceCluster(competence, { name: 'NCE Systems Engineering', level: 'NCE', countyCode: '33' });
    await announceCluster(competence, { name: 'NCE Smart Energy Markets', level: 'NCE', countyCode: '31' });
    expect(await seedCompetence(dataSource, unitOfWork)).toEqual(SEED_PROGRAMMES.slice(1).map((programme) => programme.name));
    expect(await seedCompetence(dataSource, unitOfWork)).toEqual([]);
    expect(await competenceSeedReady(dataSource)).toBe(true);

    const engine = await competence.query<{ competenceProgrammes: unknown[] }>(
      `{ competenceProgrammes(theme: "sustainability") { name status grant { id } targetCompanies periodStart periodEnd periodPhase
         reach { recorded companiesReached shareOfTarget } } }`,
    );
    expect(engine.data!.competenceProgrammes).toEqual([
      {
        name: 'The Conversion Engine (Omstillingsmotoren)',
        status: 'OPEN',
        grant: { id: grantId },
        targetCompanies: 300,
        periodStart: '2017-11-01',
        // Its assignments ran 13 months (the sourced register): its period has passed.
        periodEnd: '2018-11-30',
        periodPhase: 'AFTER',
        // Reported, with no enrolment recorded here: how many it reached is not known, not none.
        reach: { recorded: false, companiesReached: null, shareOfTarget: null },
      },
    ]);
    const { data } = await competence.query<{ competenceProgrammes: unknown[] }>(
      `{ competenceProgrammes(theme: "digitalisation") { name status capacity targetCompanies knowledgeTransfer { targetSector } hostClusters { id } } }`,
    );
    expect(data!.competenceProgrammes).toEqual([
      {
        name: 'Klyngene som omstillingsmotor: Smart Energy Halden',
        // It took place (seed 001); no source says it ended.
        status: 'RUNNING',
        capacity: null,
        targetCompanies: null,
        knowledgeTransfer: { targetSector: 'industry in other clusters' },
        hostClusters: [{ id: expect.any(String) }],
      },
    ]);
  });
});
