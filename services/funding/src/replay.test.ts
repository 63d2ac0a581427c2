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
const replay = (funding: FundingUnderTest, args: string[] = []) =>
  runSubgraphCommand(funding, path.join(__dirname, 'subgraph.ts'), ['replay', ...args]);

/** Against the real PostgreSQL and Kafka: a service's read models rebuilt from the log equal what they were. */
describe('replaying the read models', () => {
  let funding: FundingUnderTest;

  beforeAll(async () => {
    funding = await startFunding('replay');
  });

  afterAll(async () => {
    await funding?.close();
  });

  const snapshot = async () =>
    Object.fromEntries(
      await Promise.all(READ_MODELS.map(async (table) => [table, await funding.db.query(`SELECT * FROM ${table} ORDER BY 1`)] as const)),
    );

  it('refuses while the service runs, then rebuilds every row from the start of the log, with its progress', async () => {
    const raufoss = await announceCluster(funding, { name: 'NCE Raufoss', level: 'NCE', countyCode: '34' });
    const eyde = await announceCluster(funding, { name: 'NCE Eyde', level: 'NCE', countyCode: '42' });
    await announceLevelEnded(funding, raufoss, 'NCE', '2019-01-01');
    await announceOrganization(funding, {
      orgNumber: '123456785',
      name: 'Member AS (generated)',
      municipalityCode: '3405',
      employees: 900,
    });
    await announceOrganization(funding, { orgNumber: '987654325', name: 'Other AS (generated)', employees: null });
    const membership = await announceMembership(funding, { clusterId: raufoss, orgNumber: '123456785' });
    await announceMembership(funding, { clusterId: eyde, orgNumber: '987654325' });
    await announceMembershipEnded(funding, { membershipId: membership, clusterId: raufoss, orgNumber: '123456785', leftOn: '2020-06-30' });
    const before = await snapshot();
    expect(before.cluster_directory).toHaveLength(2);
    expect(before.membership_directory).toHaveLength(2);

    const refused = await replay(funding);
    expect({ code: refused.code, stderr: refused.stderr }).toEqual({ code: 1, stderr: expect.stringContaining('stop the service first') });

    await funding.service.stop();
    // The replay starts from nothing: whatever the tables hold is not what comes back.
    await funding.db.query("UPDATE cluster_directory SET name = 'Tampered'");
    const run = await replay(funding);
    expect({ code: run.code, refused: run.stderr.includes('No replay') }).toEqual({ code: 0, refused: false });
    expect(run.stdout).toContain('cluster-directory: 3 of 3 messages');
    expect(run.stdout).toContain(
      'Replayed cluster-directory (3 messages), organization-directory (2 messages), membership-directory (3 messages)',
    );
    expect(await snapshot()).toEqual(before);

    // Only one consumer, and one that keeps no read model, or none at all: said, not done.
    expect((await replay(funding, ['--consumer', 'membership-directory'])).stdout).toContain('Replayed membership-directory (3 messages)');
    expect(await replay(funding, ['--consumer', 'nothing'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('has no consumer nothing'),
    });
    expect(await snapshot()).toEqual(before);
    await funding.restart();
  });
});
