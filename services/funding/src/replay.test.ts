import path from 'node:path';
import {
  announceCluster,
  announceLevelEnded,
  announceMembership,
  announceMembershipEnded,
  announceOrganization,
  runSubgraphCommand,
} from '@klynge/subgraph-under-test';
import { type FundingUnderTest, startFunding } from './test-support/funding-under-test';

const READ_MODELS = ['cluster_directory', 'organization_directory', 'membership_directory'] as const;

/** `replay` as the service's process runs it (`npm run replay -- --service funding` starts it so). */
const replay = (harness: FundingUnderTest, args: string[] = []) =>
  runSubgraphCommand(harness, path.join(__dirname, 'subgraph.ts'), ['replay', ...args]);

/** Against the real PostgreSQL and Kafka: a service's read models rebuilt from the log equal what they were. */
describe('replaying the read models', () => {
  let harness: FundingUnderTest;

  beforeAll(async () => {
    harness = await startFunding('replay');
  });

  afterAll(async () => {
    await harness?.close();
  });

  const snapshot = async () =>
    Object.fromEntries(
      await Promise.all(READ_MODELS.map(async (table) => [table, await harness.db.query(`SELECT * FROM ${table} ORDER BY 1`)] as const)),
    );

  it('refuses while the service runs, then rebuilds every row from the start of the log, with its progress', async () => {
    const raufoss = await announceCluster(harness, { name: 'NCE Raufoss', level: 'NCE', countyCode: '34' });
    const eyde = await announceCluster(harness, { name: 'NCE Eyde', level: 'NCE', countyCode: '42' });
    await announceLevelEnded(harness, raufoss, 'NCE', '2019-01-01');
    await announceOrganization(harness, {
      orgNumber: '123456785',
      name: 'Member AS (generated)',
      municipalityCode: '3405',
      employees: 900,
    });
    await announceOrganization(harness, { orgNumber: '987654325', name: 'Other AS (generated)', employees: null });
    const membership = await announceMembership(harness, { clusterId: raufoss, orgNumber: '123456785' });
    await announceMembership(harness, { clusterId: eyde, orgNumber: '987654325' });
    await announceMembershipEnded(harness, { membershipId: membership, clusterId: raufoss, orgNumber: '123456785', leftOn: '2020-06-30' });
    const before = await snapshot();
    expect(before.cluster_directory).toHaveLength(2);
    expect(before.membership_directory).toHaveLength(2);

    const refused = await replay(harness);
    expect({ code: refused.code, stderr: refused.stderr }).toEqual({ code: 1, stderr: expect.stringContaining('stop the service first') });

    await harness.service.stop();
    // The replay starts from nothing: whatever the tables hold is not what comes back.
    await harness.db.query("UPDATE cluster_directory SET name = 'Tampered'");
    const run = await replay(harness);
    expect({ code: run.code, refused: run.stderr.includes('No replay') }).toEqual({ code: 0, refused: false });
    expect(run.stdout).toContain('cluster-directory: 3 of 3 messages');
    expect(run.stdout).toContain(
      'Replayed cluster-directory (3 messages), organization-directory (2 messages), membership-directory (3 messages)',
    );
    expect(await snapshot()).toEqual(before);

    // Only one consumer, and one that keeps no read model, or none at all: said, not done.
    expect((await replay(harness, ['--consumer', 'membership-directory'])).stdout).toContain('Replayed membership-directory (3 messages)');
    expect(await replay(harness, ['--consumer', 'nothing'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('has no consumer nothing'),
    });
    expect(await snapshot()).toEqual(before);
    await harness.restart();
  });
});
