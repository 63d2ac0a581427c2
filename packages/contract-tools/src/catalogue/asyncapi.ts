import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CLOUDEVENTS_CONTENT_TYPE, type EventContract, ownerSourceOf, sourceOfService } from '@klynge/platform/events';
import type { Subgraph } from '@klynge/platform/subgraph';
import { eventSchemaDir, subgraphRegistry } from '@klynge/schemas';
import { eventConsumptions, loadSubgraphs, servicePrincipal } from '@klynge/subgraph-registry';
import { PUBLISHER, READERS } from '@klynge/gateway/catalogue-file';
import { stringify } from 'yaml';

export { asyncApiFile } from '@klynge/gateway/catalogue-file';

/** How ensureTopics creates every topic (packages/broker-kafka): the catalogue says the same. */
const TOPIC_PARTITIONS = 3;
const TOPIC_REPLICAS = 1;
/** Event topics keep their events for good (a read model can be rebuilt from the start: npm run replay). */
const RETENTION_MS = -1;
/** Dead-letter topics keep Kafka's default (log.retention.hours = 168). */
const DLQ_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

type JsonObject = Record<string, unknown>;

/** A JSON Schema file as a component: without its own `$schema` and `$id`, which the document's format supplies. */
function schemaOf(file: string): JsonObject {
  const { $schema: _schema, $id: _id, ...schema } = JSON.parse(readFileSync(path.join(eventSchemaDir, file), 'utf8')) as JsonObject;
  return schema;
}

const pascal = (text: string) =>
  text.replace(/(^|[^A-Za-z0-9])([A-Za-z0-9])/g, (_match, _sep: string, letter: string) => letter.toUpperCase());
const channelId = (topic: string) => pascal(topic).replace(/^./, (letter) => letter.toLowerCase());
const messageId = (contract: EventContract) =>
  `${pascal(contract.stream.domain)}${contract.type.split('.').at(-2)}V${contract.stream.version}`;

/**
 * The AsyncAPI 3.0 document of every Klynge topic: one channel per topic and its dead-letter topic,
 * each message with the CloudEvents envelope and its payload schema, the key, the Kafka bindings,
 * who publishes (the owning service and agency) and who consumes it.
 */
export function asyncApiDocument(subgraphs: readonly Subgraph[] = loadSubgraphs()): JsonObject {
  const registry = subgraphRegistry();
  const published = subgraphs.flatMap((subgraph) => (subgraph.definition.publishes ?? []).map((contract) => ({ subgraph, contract })));
  const consumed = eventConsumptions(subgraphs);
  const topics = [...new Set(published.map(({ contract }) => contract.topic))].sort();

  const messages: JsonObject = {};
  const schemas: JsonObject = { CloudEventsEnvelope: schemaOf('envelope.json') };
  const channels: JsonObject = {};
  const operations: JsonObject = {};

  for (const topic of topics) {
    const onTopic = published
      .filter(({ contract }) => contract.topic === topic)
      .sort((a, b) => a.contract.type.localeCompare(b.contract.type));
    const { subgraph } = onTopic[0]!;
    const owner = registry.find((entry) => entry.name === subgraph.name)!;
    const readers = [
      ...new Set(consumed.filter(({ contract }) => contract.topic === topic).map(({ service, consumer }) => `${service} (${consumer})`)),
    ].sort();
    const channelMessages: JsonObject = {};
    for (const { contract } of onTopic) {
      const id = messageId(contract);
      const name = contract.type.split('.').at(-2)!;
      schemas[id] = schemaOf(contract.schemaPath);
      messages[id] = {
        name: contract.type,
        title: name,
        summary: (schemas[id] as JsonObject).title ?? name,
        contentType: CLOUDEVENTS_CONTENT_TYPE,
        headers: {
          type: 'object',
          required: ['content-type'],
          properties: {
            'content-type': {
              type: 'string',
              const: CLOUDEVENTS_CONTENT_TYPE,
              description: 'The CloudEvents Kafka protocol binding, structured mode.',
            },
          },
        },
        payload: {
          description: `A CloudEvent of type ${contract.type} from ${ownerSourceOf(contract)}; its data is ${name}.`,
          allOf: [
            { $ref: '#/components/schemas/CloudEventsEnvelope' },
            {
              type: 'object',
              properties: {
                type: { const: contract.type },
                source: { const: ownerSourceOf(contract) },
                data: { $ref: `#/components/schemas/${id}` },
              },
            },
          ],
        },
        bindings: {
          kafka: {
            key: { type: 'string', description: 'The event subject: the id of the aggregate it is about, so its events keep their order.' },
          },
        },
      };
      channelMessages[name] = { $ref: `#/components/messages/${id}` };
    }
    const id = channelId(topic);
    const kafka = (retention: number) => ({
      kafka: {
        partitions: TOPIC_PARTITIONS,
        replicas: TOPIC_REPLICAS,
        topicConfiguration: { 'cleanup.policy': ['delete'], 'retention.ms': retention },
      },
    });
    channels[id] = {
      address: topic,
      title: topic,
      description:
        `Published by the ${subgraph.name} service (owned by ${owner.owner}) through its transactional outbox. ` +
        `Only its principal, ${servicePrincipal(subgraph.name)}, may write here (the broker refuses every other, ${owner.owner}'s own too), so every event on it has source ${sourceOfService(subgraph.name)} and is one of the types listed. ` +
        `Klynge's consumers park anything else on ${topic}.dlq. ` +
        `Consumed in Klynge by: ${readers.length > 0 ? readers.join(', ') : 'no service yet'}. Public: partner agencies may read it.`,
      messages: channelMessages,
      bindings: kafka(RETENTION_MS),
    };
    channels[`${id}Dlq`] = {
      address: `${topic}.dlq`,
      title: `${topic}.dlq`,
      description:
        `Where a consumer parks a message of ${topic} it cannot take (unreadable, of a type the topic does not list, from a source that does not own it, breaking its schema, or failing while the database is healthy), ` +
        'with the headers dlq-error, dlq-origin-topic, dlq-origin-partition, dlq-origin-offset, dlq-consumer-group, dlq-attempts and dlq-failed-at; ' +
        'each consumer parks a message once, however often it reads it again (npm run replay). ' +
        `Readable by ${owner.owner}, the agency that owns the ${subgraph.name} service, and no other.`,
      messages: channelMessages,
      bindings: kafka(DLQ_RETENTION_MS),
    };
    operations[`send${pascal(topic)}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${id}` },
      summary: `The ${subgraph.name} service publishes ${onTopic.map(({ contract }) => contract.type.split('.').at(-2)).join(', ')}.`,
      messages: Object.keys(channelMessages).map((name) => ({ $ref: `#/channels/${id}/messages/${name}` })),
      // For programs: the gateway's response cache reads which subgraphs each topic's events may change.
      [PUBLISHER]: subgraph.name,
    };
    if (readers.length > 0) {
      const read = [
        ...new Set(consumed.filter(({ contract }) => contract.topic === topic).map(({ contract }) => contract.type.split('.').at(-2)!)),
      ].sort();
      operations[`receive${pascal(topic)}`] = {
        action: 'receive',
        channel: { $ref: `#/channels/${id}` },
        summary: `Read by ${readers.join(', ')}.`,
        messages: read.map((name) => ({ $ref: `#/channels/${id}/messages/${name}` })),
        [READERS]: [...new Set(consumed.filter(({ contract }) => contract.topic === topic).map(({ service }) => service))].sort(),
      };
    }
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Klynge events',
      version: '1.0.0',
      description:
        "Every event Klynge's services publish, on Kafka: CloudEvents 1.0 in structured JSON mode, one topic per stream (<domain>.<aggregate>.v<major>), keyed by subject. " +
        'Written from the event contracts, the JSON Schemas in schemas/events and the subgraph registry by `npm run catalogue`; do not edit by hand. ' +
        'A schema changes only compatibly within a major version (`npm run schema:check`); a breaking change is a new topic, ...v2, next to the old one. ' +
        "What a reader can rely on: only a topic's own service writes it (its principal alone; no agency, not even the one that owns the service); " +
        "every event's source is that service (/klynge/<service>); a topic carries only the event types listed for it here (one JSON Schema each in schemas/events/<topic>/); " +
        "and Klynge's consumers park anything else (an unreadable message, another type, another source, data breaking its schema) on the topic's .dlq with the reason, instead of applying or skipping it.",
    },
    defaultContentType: CLOUDEVENTS_CONTENT_TYPE,
    servers: {
      development: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description:
          'Kafka in KRaft mode as `npm run infra:up` starts it. Every client authenticates (SASL/SCRAM-SHA-512) as a principal of the registry: ' +
          '`<service>-service` for a service, the agency itself (`siva`, `forskningsradet`, ...) for its own clients. An agency reads every public topic, ' +
          "writes none (only a topic's own service does) and uses consumer groups named `<agency>.*`; `npm run kafka:credentials -- <principal>` prints a development password.",
        security: [{ $ref: '#/components/securitySchemes/scramSha512' }],
      },
    },
    channels,
    operations,
    components: {
      schemas,
      messages,
      securitySchemes: {
        scramSha512: {
          type: 'scramSha512',
          description: "SASL/SCRAM-SHA-512 over the broker's client listener; Kafka's ACLs decide what each principal may do.",
        },
      },
    },
  };
}

/** The document as committed: YAML, with a header saying where it comes from. */
export function asyncApiYaml(subgraphs?: readonly Subgraph[]): string {
  return `# Written by \`npm run catalogue\` from the event contracts and schemas/events; do not edit by hand.\n${stringify(asyncApiDocument(subgraphs), { lineWidth: 0 })}`;
}
