import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DeliveredMessage } from '@klynge/broker';
import { type KafkaAcl, KafkaBroker } from '@klynge/broker-kafka';
import { servicePrincipal } from '@klynge/schemas';
import { kafkaAccessPlan } from '@klynge/subgraphs';
import { repoRoot } from './config';
import { kafkaBrokers, kafkaConnection, type KafkaCredentials, principalCredentials, uniqueTopicPrefix, waitFor } from '@klynge/testing';

/**
 * The broker as infra/kafka.sh sets it up: every client authenticates (SASL/SCRAM-SHA-512) as a
 * principal of the registry, and Kafka's StandardAuthorizer allows each only what
 * kafkaAccessPlan says. Run against the real broker with the principals' own passwords.
 */
describe('who may do what on Kafka', () => {
  const brokers: KafkaBroker[] = [];
  const as = (credentials: KafkaCredentials | undefined, clientId: string) => {
    const broker = new KafkaBroker({ brokers: kafkaBrokers(), clientId, ...(credentials && { credentials }) });
    brokers.push(broker);
    return broker;
  };
  let adminBroker: KafkaBroker | undefined;
  const admin = () => (adminBroker ??= as(kafkaConnection().credentials, 'access-test-admin'));
  const message = (topic: string) => ({ topic, key: 'k', value: '{"probe":true}', headers: {} });
  /** The messages (and kafkajs's error types) of an error and of each error that caused it. */
  const explain = (error: unknown): string => {
    const messages: string[] = [];
    for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
      messages.push(cause.message, (cause as { type?: string }).type ?? '');
    }
    return messages.join(' | ');
  };
  /** Why a broker call failed (the test fails when it did not). */
  const failure = async (work: Promise<unknown>): Promise<string> => {
    const error = await work.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeDefined();
    return explain(error);
  };

  afterAll(async () => {
    await Promise.all(brokers.map((broker) => broker.close()));
  });

  it('refuses a client that does not authenticate', async () => {
    expect(await failure(as(undefined, 'anonymous').checkHealth())).toMatch(/Closed connection|Connection error/);
  });

  it('refuses a wrong password', async () => {
    const { username } = principalCredentials('siva');
    expect(await failure(as({ username, password: 'not-the-password' }, 'wrong-password').checkHealth())).toMatch(
      /SASL SCRAM SHA512 authentication failed/,
    );
  });

  it("refuses a partner writing another domain's topic, as infra/kafka.sh set the broker up", async () => {
    const topic = 'funding.grant.v1';
    // As the funding service would make it when it starts (it may not have run on this broker yet).
    await admin().ensureTopics([topic]);
    const before = await admin().messagesPerPartition(topic);
    expect(await failure(as(principalCredentials('siva'), 'siva-writer').publish([message(topic)]))).toMatch(/TOPIC_AUTHORIZATION_FAILED/);
    expect(await admin().messagesPerPartition(topic)).toEqual(before);
  });

  describe("on topics of the test's own, with the registry's rules applied to them", () => {
    const prefix = uniqueTopicPrefix('access');
    let plan: KafkaAcl[];
    const topic = (name: string) => `${prefix}${name}`;

    beforeAll(async () => {
      plan = kafkaAccessPlan({ topicPrefix: prefix });
      await admin().grantAccess(plan);
      await admin().ensureTopics([topic('funding.grant.v1'), topic('catapult.centre.v1'), topic('clusters.cluster.v1')]);
      await admin().publish([message(topic('funding.grant.v1'))]);
    });

    afterAll(async () => {
      await admin().revokeAccess(plan);
    });

    /** What `credentials` reads of the grant topic in a new group named `<prefix><group>-<random>`, once it has read something. */
    const readGrants = async (credentials: KafkaCredentials, clientId: string, group: string) => {
      const received: DeliveredMessage[] = [];
      const subscription = await as(credentials, clientId).subscribe({
        groupId: `${prefix}${group}-${randomUUID().slice(0, 8)}`,
        topics: [topic('funding.grant.v1')],
        handle: (delivered) => {
          received.push(delivered);
          return Promise.resolve();
        },
      });
      try {
        await waitFor(`${credentials.username} to read the grant topic`, () => received.length > 0, { timeoutMs: 30_000 });
        return received;
      } finally {
        await subscription.close();
      }
    };

    it("lets a partner read a public topic, in a consumer group with the partner's prefix", async () => {
      expect(await readGrants(principalCredentials('siva'), 'siva-reader', 'siva.grants')).toEqual([
        expect.objectContaining({ topic: topic('funding.grant.v1'), value: '{"probe":true}' }),
      ]);
    });

    it("refuses a partner a consumer group without its prefix, and writing another domain's topic; allows its own", async () => {
      const siva = as(principalCredentials('siva'), 'siva-client');
      // What a group has read: the broker answers for the agency's own groups only. For another,
      // FindCoordinator answers GROUP_AUTHORIZATION_FAILED, which kafkajs reports as not finding
      // the coordinator (the same client, the same broker: only the group's name differs).
      expect(await siva.groupProgress(`${prefix}siva.reader`, [topic('funding.grant.v1')])).toEqual({ done: 0, total: 1 });
      expect(await failure(siva.groupProgress(`${prefix}funding.grant-ledger`, [topic('funding.grant.v1')]))).toMatch(
        /Failed to find group coordinator/,
      );
      expect(await failure(siva.publish([message(topic('funding.grant.v1'))]))).toMatch(/TOPIC_AUTHORIZATION_FAILED/);
      await siva.publish([message(topic('catapult.centre.v1'))]);
      expect([...(await admin().messagesPerPartition(topic('catapult.centre.v1'))).values()].reduce((a, b) => a + b, 0)).toBe(1);
    });

    it("prints a principal's password with the README's command, the one the broker takes", async () => {
      const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
      const section = readme.slice(readme.indexOf('### As a partner agency, on the broker'));
      const commands = /```sh\n([\s\S]*?)```/.exec(section)![1]!.trim().split('\n');
      expect(commands).toEqual(['npm run kafka:credentials -- siva']);
      const printed = (await promisify(execFile)('bash', ['-c', commands[0]!.replace('npm run', 'npm run --silent')], { cwd: repoRoot }))
        .stdout;
      const password = /^password: (\S+)$/m.exec(printed)?.[1];
      expect(printed).toContain('username: siva\n');
      expect(await readGrants({ username: 'siva', password: password! }, 'siva-readme', 'siva.readme')).not.toHaveLength(0);
    });

    it('lets a service write only its own domain, and read what it consumes', async () => {
      const funding = as(principalCredentials(servicePrincipal('funding')), 'funding-client');
      expect(await failure(funding.publish([message(topic('clusters.cluster.v1'))]))).toMatch(/TOPIC_AUTHORIZATION_FAILED/);
      await funding.publish([message(topic('funding.grant.v1'))]);
      // The clusters service, which consumes grants, may park one in the topic's dead-letter topic.
      const clusters = as(principalCredentials(servicePrincipal('clusters')), 'clusters-client');
      await clusters.publish([message(topic('funding.grant.v1.dlq'))]);
      expect(await failure(clusters.publish([message(topic('funding.grant.v1'))]))).toMatch(/TOPIC_AUTHORIZATION_FAILED/);
    });
  });
});
