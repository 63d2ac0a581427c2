import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventSchemaDir } from '@klynge/schemas';
import { defineEventStream } from './event-contract';
import { createEnvelope } from './event-envelope';
import { EventSchemas, EventValidationError, UndeclaredEventTypeError } from './event-schemas';

describe('event contracts and their schemas', () => {
  const stream = defineEventStream({ domain: 'clusters', aggregate: 'cluster', version: 2 });
  const Registered = stream.event<{ name: string }>('ClusterRegistered');

  it('derive the type, topic and schema path from the stream', () => {
    expect(Registered).toMatchObject({
      type: 'no.klynge.clusters.ClusterRegistered.v2',
      topic: 'clusters.cluster.v2',
      schemaPath: 'clusters.cluster.v2/ClusterRegistered.json',
    });
    expect(() => defineEventStream({ domain: 'Clusters', aggregate: 'cluster', version: 1 })).toThrow('must match');
    expect(() => stream.event('cluster-registered')).toThrow('PascalCase');
  });

  it('validate the envelope and the data, listing what is wrong', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'event-schemas-'));
    mkdirSync(path.join(root, 'clusters.cluster.v2'));
    writeFileSync(
      path.join(root, 'clusters.cluster.v2', 'ClusterRegistered.json'),
      JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string', minLength: 1 } },
        additionalProperties: false,
      }),
    );
    const schemas = new EventSchemas([root, eventSchemaDir]);
    const envelope = createEnvelope(Registered, { source: '/klynge/clusters', subject: 'c-1', data: { name: 'NCE Raufoss' } });

    expect(() => schemas.assertEnvelope(envelope)).not.toThrow();
    expect(() => schemas.assertData(Registered, envelope.data)).not.toThrow();
    expect(() => schemas.assertData(Registered, { name: '', founded: 2006 })).toThrow(
      new EventValidationError('Data of no.klynge.clusters.ClusterRegistered.v2', [
        '(root) must NOT have additional properties "founded"',
        '/name must NOT have fewer than 1 characters',
      ]),
    );
    expect(() => schemas.assertEnvelope({ ...envelope, time: 'yesterday', extra: 1 })).toThrow(
      'Event envelope is invalid: (root) must NOT have additional properties "extra"; /time must match format "date-time"',
    );
    const Unknown = stream.event('ClusterVanished');
    expect(() => schemas.assertData(Unknown, {})).toThrow('No event schema clusters.cluster.v2/ClusterVanished.json');
  });

  it('know the types each topic carries: one per schema in its folder', () => {
    const schemas = new EventSchemas();
    expect([...schemas.declaredTypes('clusters.cluster.v1')].sort()).toEqual([
      'no.klynge.clusters.ClusterLevelChanged.v1',
      'no.klynge.clusters.ClusterLevelEnded.v1',
      'no.klynge.clusters.ClusterRegistered.v1',
      'no.klynge.clusters.ClusterUpdated.v1',
    ]);
    expect(schemas.declaredTypes('clusters.nothing.v1').size).toBe(0);
    expect(() => schemas.assertDeclared('clusters.cluster.v1', 'no.klynge.clusters.ClusterRegistered.v1')).not.toThrow();
    // Another topic's type, and the same name at another major version, are not this topic's.
    expect(() => schemas.assertDeclared('clusters.cluster.v1', 'no.klynge.funding.GrantAwarded.v1')).toThrow(
      new UndeclaredEventTypeError('no.klynge.funding.GrantAwarded.v1', 'clusters.cluster.v1'),
    );
    expect(() => schemas.assertDeclared('clusters.cluster.v1', 'no.klynge.clusters.ClusterRegistered.v2')).toThrow(
      UndeclaredEventTypeError,
    );
  });
});
