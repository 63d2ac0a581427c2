import { eventTypes, type ServiceUnderTest } from '@klynge/subgraph-under-test';
import { waitFor } from '@klynge/test-infrastructure';
import { forskningsradet, startResearch } from '../test-support/research-under-test';

const RECORD = `mutation($input: RecordResearchCallInput!) { recordResearchCall(input: $input) { id } }`;

/** Against the real PostgreSQL and Kafka: calls for proposals, recorded and announced. */
describe('research calls', () => {
  let research: ServiceUnderTest;

  beforeAll(async () => {
    research = await startResearch('research_calls');
    // Funding activities are reference data the seed loads; this test needs one.
    await research.db.query(`INSERT INTO research_funding_activities (code, name) VALUES ('FORREGION', 'FORREGION (generated)')`);
  });

  afterAll(async () => {
    await research?.close();
  });

  it('publishes CallRecorded once for a recorded call, unknowns as null, and nothing for a refused one', async () => {
    const events = await research.readTopic('research.call.v1');
    const record = (input: Record<string, unknown>) =>
      research.query<{ recordResearchCall: { id: string } }>(RECORD, { input }, forskningsradet);
    // Refused before and inside the transaction.
    expect((await record({ title: 'Refused (generated)', opensOn: '2020-02-01', deadline: '2020-01-01' })).errors?.[0]?.extensions).toEqual(
      {
        code: 'BAD_USER_INPUT',
        field: 'deadline',
      },
    );
    expect((await record({ title: 'Refused (generated)', activityCode: 'NO-SUCH' })).errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'activityCode',
    });

    const full = await record({
      title: 'FORREGION 2020 (generated)',
      activityCode: 'FORREGION',
      applicationType: 'Kvalifiseringsprosjekt (generated)',
      opensOn: '2020-01-15',
      deadline: '2020-03-01',
      decisionBy: '2020-05-01',
      earliestStart: '2020-06-01',
      latestStart: '2020-12-01',
      amountOffered: '2500000',
      amountBound: 'UP_TO',
    });
    const sparse = await record({ title: 'Open intake (generated)', continuousIntake: true });
    const fullId = full.data!.recordResearchCall.id;
    const sparseId = sparse.data!.recordResearchCall.id;

    await waitFor('CallRecorded for both', () => events.length === 2);
    await waitFor('the outbox to be empty', async () => (await research.stillMoving()) === undefined);
    expect(eventTypes(events, fullId)).toEqual(['no.klynge.research.CallRecorded.v1']);
    expect(eventTypes(events, sparseId)).toEqual(['no.klynge.research.CallRecorded.v1']);
    const dataOf = (id: string) => (JSON.parse(events.find((m) => m.key === id)!.value) as { data: unknown }).data;
    expect(dataOf(fullId)).toEqual({
      callId: fullId,
      activityCode: 'FORREGION',
      applicationType: 'Kvalifiseringsprosjekt (generated)',
      title: 'FORREGION 2020 (generated)',
      opensOn: '2020-01-15',
      deadline: '2020-03-01',
      continuousIntake: false,
      decisionBy: '2020-05-01',
      earliestStart: '2020-06-01',
      latestStart: '2020-12-01',
      amountOffered: '2500000',
      amountBound: 'UP_TO',
    });
    expect(dataOf(sparseId)).toEqual({
      callId: sparseId,
      activityCode: null,
      applicationType: null,
      title: 'Open intake (generated)',
      opensOn: null,
      deadline: null,
      continuousIntake: true,
      decisionBy: null,
      earliestStart: null,
      latestStart: null,
      amountOffered: null,
      amountBound: null,
    });
    expect(await research.db.query('SELECT count(*)::int AS n FROM research_calls')).toEqual([{ n: 2 }]);
  });
});
