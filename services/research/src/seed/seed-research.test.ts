import type { ServiceUnderTest } from '@klynge/subgraph-under-test';
import { startResearch } from '../test-support/research-under-test';
import { seedResearch } from './seed-research';

describe('the research demo seed', () => {
  let research: ServiceUnderTest;

  beforeAll(async () => {
    research = await startResearch('research_seed');
  });

  afterAll(async () => {
    await research?.close();
  });

  it('loads the FORREGION activity, the application types and the calls of the notes, once, and no project', async () => {
    const { dataSource, unitOfWork } = research.service;
    expect(await seedResearch(dataSource, unitOfWork)).toEqual([
      'Forskningsbasert innovasjon i regionene (FORREGION)',
      'Innovasjonsprosjekt i næringslivet',
      'Kompetansebyggende prosjekt for næringslivet',
      'FORREGION 2020',
      'Innovasjonsprosjekt i næringslivet 2020',
    ]);
    expect(await seedResearch(dataSource, unitOfWork)).toEqual([]);
    const answer = await research.query<{
      researchFundingActivities: unknown[];
      researchCalls: unknown[];
      researchProjects: { totalCount: number };
    }>(
      `{ researchFundingActivities { code mainActivity instrument calls { title } }
         researchCalls { title opensOn deadline continuousIntake decisionBy earliestStart latestStart amountOffered { amount } amountBound activity { code } }
         researchProjects { totalCount } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      // Where FORREGION sits in the hierarchy, the notes do not say.
      researchFundingActivities: [{ code: 'FORREGION', mainActivity: null, instrument: null, calls: [{ title: 'FORREGION 2020' }] }],
      researchCalls: [
        {
          title: 'FORREGION 2020',
          opensOn: '2020-10-07',
          deadline: '2020-11-18',
          continuousIntake: false,
          decisionBy: '2020-12-20',
          earliestStart: '2021-01-01',
          latestStart: '2021-04-01',
          amountOffered: null,
          amountBound: null,
          activity: { code: 'FORREGION' },
        },
        {
          title: 'Innovasjonsprosjekt i næringslivet 2020',
          opensOn: null,
          deadline: null,
          continuousIntake: true,
          decisionBy: null,
          earliestStart: null,
          latestStart: null,
          amountOffered: { amount: '1500000000' },
          amountBound: 'UP_TO',
          activity: null,
        },
      ],
      researchProjects: { totalCount: 0 },
    });
  });
});
