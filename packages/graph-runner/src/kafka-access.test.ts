import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DeliveredMessage } from '@klynge/broker';
import { type KafkaAcl, KafkaBroker } from '@klynge/broker-kafka';
import { CLOUDEVENTS_CONTENT_TYPE } from '@klynge/platform';
import { registeredAgencies, subgraphRegistry } from '@klynge/schemas';
import {
  eventConsumptions,
  GATEWAY_PRINCIPAL,
  KAFKA_ADMIN,
  kafkaAccessPlan,
  kafkaAccessScope,
  kafkaPrincipals,
  loadSubgraphs,
  servicePrincipal,
} from '@klynge/subgraph-registry';
import { repoRoot } from './config';
import {
  kafkaBrokers,
  kafkaConnection,
  type KafkaCredentials,
  principalCredentials,
  uniqueTopicPrefix,
  waitFor,
} from '@klynge/test-infrastructure';

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
  /**
   * The messages (and kafkajs's error types) of an error and of each error that caused it,
   * including those an aggregate error holds (kafkajs's "Topic creation errors", one per topic).
   */
  const explain = (error: unknown): string => {
    const messages: string[] = [];
    for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
      messages.push(cause.message, (cause as { type?: string }).type ?? '');
      for (const each of (cause as { errors?: unknown[] }).errors ?? []) messages.push(explain(each));
    }
    return messages.join(' | ');
  };
  /**
   * How the broker refuses a write: on the topic, or, to a principal that may write no topic at
   * all (an agency), already the producer id that our idempotent producer asks for first (Kafka
   * gives one only to a principal allowed to write some topic).
   */
  const REFUSED_WRITE = /TOPIC_AUTHORIZATION_FAILED|CLUSTER_AUTHORIZATION_FAILED/;
  /** How many messages `topic` holds, over all its partitions. */
  const messagesOn = async (topic: string) => [...(await admin().messagesPerPartition(topic)).values()].reduce((a, b) => a + b, 0);
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

  /** The shell blocks of the README's section for partner agencies, each as it stands. */
  const partnerReadmeCommands = () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const start = readme.indexOf('### As a partner agency, on the broker');
    const section = readme.slice(start, readme.indexOf('\n## ', start));
    return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((block) => block[1]!.trim());
  };

  /** Runs infra/kafka.sh (Kafka's own console tools, as a principal) with `input` on stdin: how it exits and what it prints. */
  const kafkaTool = (args: readonly string[], input = '') =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn('bash', [path.join(repoRoot, 'infra', 'kafka.sh'), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(input);
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
    expect(await failure(as(principalCredentials('siva'), 'siva-writer').publish([message(topic)]))).toMatch(REFUSED_WRITE);
    expect(await admin().messagesPerPartition(topic)).toEqual(before);
  });

  describe("on topics of the test's own, with the registry's rules applied to them", () => {
    const prefix = uniqueTopicPrefix('access');
    let plan: KafkaAcl[];
    const topic = (name: string) => `${prefix}${name}`;
    const subgraphs = loadSubgraphs();
    const registry = subgraphRegistry();
    const eventTopics = [
      ...new Set(subgraphs.flatMap((subgraph) => (subgraph.definition.publishes ?? []).map((contract) => contract.topic))),
    ].sort();

    beforeAll(async () => {
      plan = kafkaAccessPlan({ topicPrefix: prefix });
      // As kafka-access-main applies it for infra/kafka.sh and docker-compose.yml.
      await admin().syncAccess(plan, kafkaAccessScope({ topicPrefix: prefix }));
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

    it('lets the gateways read a public topic in a group of their own (the response cache), and in no other group', async () => {
      expect(await readGrants(principalCredentials(GATEWAY_PRINCIPAL), 'gateway-reader', 'gateway.response-cache')).toEqual([
        expect.objectContaining({ topic: topic('funding.grant.v1'), value: '{"probe":true}' }),
      ]);
      const gateway = as(principalCredentials(GATEWAY_PRINCIPAL), 'gateway-client');
      expect(await failure(gateway.groupProgress(`${prefix}funding.grant-ledger`, [topic('funding.grant.v1')]))).toMatch(
        /Failed to find group coordinator/,
      );
    });

    it("refuses a partner a consumer group without its prefix, and writing any topic, its own subgraph's too", async () => {
      const siva = as(principalCredentials('siva'), 'siva-client');
      // What a group has read: the broker answers for the agency's own groups only. For another,
      // FindCoordinator answers GROUP_AUTHORIZATION_FAILED, which kafkajs reports as not finding
      // the coordinator (the same client, the same broker: only the group's name differs).
      expect(await siva.groupProgress(`${prefix}siva.reader`, [topic('funding.grant.v1')])).toEqual({ done: 0, total: 1 });
      expect(await failure(siva.groupProgress(`${prefix}funding.grant-ledger`, [topic('funding.grant.v1')]))).toMatch(
        /Failed to find group coordinator/,
      );
      expect(await failure(siva.publish([message(topic('funding.grant.v1'))]))).toMatch(REFUSED_WRITE);
      // Siva owns the catapult subgraph, but only its service (catapult-service) speaks for it on the broker.
      expect(await failure(siva.publish([message(topic('catapult.centre.v1'))]))).toMatch(REFUSED_WRITE);
      expect(await messagesOn(topic('catapult.centre.v1'))).toBe(0);
    });

    it("prints a principal's password with the README's command, the one the broker takes", async () => {
      const commands = partnerReadmeCommands();
      expect(commands[0]).toBe('npm run kafka:credentials -- siva');
      const printed = (await promisify(execFile)('bash', ['-c', commands[0]!.replace('npm run', 'npm run --silent')], { cwd: repoRoot }))
        .stdout;
      const password = /^password: (\S+)$/m.exec(printed)?.[1];
      expect(printed).toContain('username: siva\n');
      expect(await readGrants({ username: 'siva', password: password! }, 'siva-readme', 'siva.readme')).not.toHaveLength(0);
    });

    it('lets each principal of the registry write only its own: a service its domains and the .dlq of what it reads, an agency nothing', async () => {
      const targets = eventTopics.flatMap((eventTopic) => [eventTopic, `${eventTopic}.dlq`]);
      await admin().ensureTopics(targets.map(topic));
      const consumed = eventConsumptions(subgraphs);
      /** What the registry says `principal` may write: nothing for an agency. */
      const mayWrite = (principal: string, target: string): boolean => {
        const entry = registry.find((candidate) => servicePrincipal(candidate.name) === principal);
        if (!entry) return false;
        const reads = consumed.filter(({ service }) => service === entry.name).map(({ contract }) => `${contract.topic}.dlq`);
        return entry.publishes.includes(target.split('.')[0]!) || reads.includes(target);
      };
      const before = new Map<string, number>();
      // A partition's leader can answer for its offsets a moment after the metadata names it.
      for (const target of targets) before.set(target, await waitFor(`the offsets of ${target}`, () => messagesOn(topic(target))));

      const expected: Record<string, string[]> = {};
      const written: Record<string, string[]> = {};
      for (const principal of kafkaPrincipals().filter((name) => name !== KAFKA_ADMIN)) {
        const client = as(principalCredentials(principal), `${principal}-writer`);
        expected[principal] = targets.filter((target) => mayWrite(principal, target));
        written[principal] = [];
        for (const target of targets) {
          const refusal = await client.publish([message(topic(target))]).then(
            () => undefined,
            (error: unknown) => explain(error),
          );
          if (refusal === undefined) written[principal].push(target);
          // Refused by the authorizer, not for any other reason (a broker away would look the same).
          else expect({ principal, target, refusal }).toEqual({ principal, target, refusal: expect.stringMatching(REFUSED_WRITE) });
        }
      }

      expect(written).toEqual(expected);
      expect(Object.keys(written)).toEqual([
        GATEWAY_PRINCIPAL,
        ...registry.map((entry) => servicePrincipal(entry.name)),
        ...registeredAgencies(),
      ]);
      // And the broker holds what was written, and nothing else.
      for (const target of targets) {
        const writers = Object.values(expected).filter((allowed) => allowed.includes(target)).length;
        expect({ target, messages: await messagesOn(topic(target)) }).toEqual({ target, messages: before.get(target)! + writers });
      }
    });

    it("refuses an agency's own client, one that is not idempotent, a forged event on its service's topic", async () => {
      const target = topic('clusters.cluster.v1');
      // What issue 26 found innovasjon-norge could do: speak for the clusters service. The broker
      // reads no content; the line only shows what was at stake.
      const forged = JSON.stringify({ specversion: '1.0', type: 'no.klynge.clusters.ClusterRegistered.v1', source: '/klynge/clusters' });
      const before = await messagesOn(target);

      const agency = await kafkaTool(['produce', 'innovasjon-norge', target], `${forged}\n`);
      expect(agency.stderr).toMatch(/TopicAuthorizationException: Not authorized to access topics: \[.*clusters\.cluster\.v1\]/);
      expect(await messagesOn(target)).toBe(before);

      // The same tool as the clusters service: its write is taken, so the refusal above is the broker's.
      const service = await kafkaTool(['produce', servicePrincipal('clusters'), target], `${forged}\n`);
      expect({ code: service.code, stderr: service.stderr }).toEqual({ code: 0, stderr: '' });
      expect(await messagesOn(target)).toBe(before + 1);
    });

    it("lets a partner read a topic with a client that is not kafkajs: Kafka's own Java consumer, as the README says", async () => {
      expect(partnerReadmeCommands()).toContain('infra/kafka.sh consume siva funding.grant.v1');
      // An event as the funding service's outbox relay publishes it: a CloudEvent keyed by its subject.
      const grantId = randomUUID();
      const event = JSON.stringify({
        specversion: '1.0',
        id: randomUUID(),
        type: 'no.klynge.funding.GrantAwarded.v1',
        source: '/klynge/funding',
        subject: grantId,
      });
      const grants = topic('funding.grant.v1');
      await as(principalCredentials(servicePrincipal('funding')), 'funding-publisher').publish([
        { topic: grants, key: grantId, value: event, headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE } },
      ]);
      const held = await waitFor(`the offsets of ${grants}`, () => messagesOn(grants));

      const [, ...args] = 'infra/kafka.sh consume siva funding.grant.v1'.replace('funding.grant.v1', grants).split(' ');
      const read = await kafkaTool([
        ...args,
        '--max-messages',
        String(held),
        '--formatter-property',
        'print.headers=true',
        '--formatter-property',
        'print.key=true',
      ]);

      expect({ code: read.code, lines: read.stdout.split('\n') }).toEqual({
        code: 0,
        lines: expect.arrayContaining([`content-type:${CLOUDEVENTS_CONTENT_TYPE}\t${grantId}\t${event}`]),
      });
    });

    it("lets the service that wrote a topic's events, and the agency that owns it, read the topic's dead letters, and no other agency", async () => {
      // One topic of each owner's, so that every agency is both let in and kept out.
      const owners = registry.filter((entry, index) => registry.findIndex((other) => other.owner === entry.owner) === index);
      for (const entry of owners) {
        const ownTopic = eventTopics.find((eventTopic) => entry.publishes.includes(eventTopic.split('.')[0]!))!;
        const deadLetters = topic(`${ownTopic}.dlq`);
        // A consumer of the topic parks an event there (the admin stands in for it).
        const key = `parked by a consumer of ${entry.name}`;
        await admin().publish([{ ...message(deadLetters), key }]);
        const held = await waitFor(`the offsets of ${deadLetters}`, () => messagesOn(deadLetters));
        const reads = [];
        for (const agency of registeredAgencies()) {
          const read = await kafkaTool([
            'consume',
            agency,
            deadLetters,
            '--max-messages',
            String(held),
            '--formatter-property',
            'print.key=true',
          ]);
          reads.push({ agency, deadLetters, read: agency === entry.owner ? read.stdout.split('\n') : read.stderr });
        }
        // The one principal that writes the topic: the service whose domain it is.
        const writer = await kafkaTool([
          'consume',
          servicePrincipal(entry.name),
          deadLetters,
          '--max-messages',
          String(held),
          '--formatter-property',
          'print.key=true',
        ]);
        expect(writer.stdout.split('\n')).toContain(`${key}\t{"probe":true}`);
        expect(reads).toEqual(
          registeredAgencies().map((agency) => ({
            agency,
            deadLetters,
            read:
              agency === entry.owner
                ? expect.arrayContaining([`${key}\t{"probe":true}`])
                : expect.stringMatching(/TopicAuthorizationException: Not authorized to access topics/),
          })),
        );
      }
    });

    it('takes away what the registry no longer allows when the plan is applied again, and only under its own prefix', async () => {
      // What the plan gave an agency before: writing its own subgraphs' domains.
      const stale = (under: string): KafkaAcl => ({
        principal: 'innovasjon-norge',
        resource: 'topic',
        name: `${under}clusters.`,
        prefixed: true,
        operations: ['WRITE', 'DESCRIBE'],
      });
      // Another deployment's (or test file's) topics on the same broker: not this plan's business.
      const elsewhere = uniqueTopicPrefix('access-elsewhere');
      await admin().grantAccess([stale(prefix), stale(elsewhere)]);
      await admin().ensureTopics([`${elsewhere}clusters.cluster.v1`]);
      const agency = as(principalCredentials('innovasjon-norge'), 'innovasjon-norge-stale');
      /** What the broker answers a write of the agency's, once it answers `expected` (rules take effect shortly after they are stored). */
      const writeAnswer = (target: string, expected: 'written' | 'refused') =>
        waitFor(`innovasjon-norge's write to ${target} to be ${expected}`, async () => {
          const answer = await agency.publish([message(target)]).then(
            () => 'written',
            (error: unknown) => (REFUSED_WRITE.test(explain(error)) ? 'refused' : explain(error)),
          );
          return answer === expected && answer;
        });
      try {
        expect(await writeAnswer(topic('clusters.cluster.v1'), 'written')).toBe('written');

        const revoked = await admin().syncAccess(plan, kafkaAccessScope({ topicPrefix: prefix }));

        expect(revoked.sort()).toEqual([
          `User:innovasjon-norge DESCRIBE topic ${prefix}clusters.* from *`,
          `User:innovasjon-norge WRITE topic ${prefix}clusters.* from *`,
        ]);
        expect(await writeAnswer(topic('clusters.cluster.v1'), 'refused')).toBe('refused');
        expect(await writeAnswer(`${elsewhere}clusters.cluster.v1`, 'written')).toBe('written');
        // Applying the same plan again changes nothing.
        expect(await admin().syncAccess(plan, kafkaAccessScope({ topicPrefix: prefix }))).toEqual([]);
      } finally {
        await admin().revokeAccess([stale(elsewhere)]);
      }
    });
  });
});
