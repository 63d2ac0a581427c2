/**
 * An event contract names one event type and ties it to its stream (topic) and its JSON Schema.
 * Contracts are declared once, next to the schemas' conventions in schemas/events/README.md:
 *
 *   const clusterStream = defineEventStream({ domain: 'clusters', aggregate: 'cluster', version: 1 });
 *   export const ClusterRegistered = clusterStream.event<ClusterRegisteredData>('ClusterRegistered');
 *
 * gives type `no.klynge.clusters.ClusterRegistered.v1` on topic `clusters.cluster.v1`, with its
 * schema at `schemas/events/clusters.cluster.v1/ClusterRegistered.json`.
 */

export interface EventStream {
  readonly domain: string;
  readonly aggregate: string;
  /** The major version: every event of a stream shares it, and it is part of the topic name. */
  readonly version: number;
  /** `<domain>.<aggregate>.v<major>`, before any deployment prefix. */
  readonly topic: string;
  event<TData extends object>(name: string): EventContract<TData>;
}

export interface EventContract<TData extends object = object> {
  readonly stream: EventStream;
  readonly name: string;
  /** The CloudEvents `type`: `no.klynge.<domain>.<EventName>.v<major>`. */
  readonly type: string;
  readonly topic: string;
  /** Path of the data schema inside schemas/events/. */
  readonly schemaPath: string;
  /** Carries the data type for the compiler only; never set. */
  readonly __data?: TData;
}

export type EventData<C> = C extends EventContract<infer T> ? T : never;

const SEGMENT = /^[a-z][a-z0-9-]*$/;
const EVENT_NAME = /^[A-Z][A-Za-z0-9]*$/;

/** The CloudEvents `type` of event `name` on a stream of `domain` at major `version`. */
export function eventTypeName(domain: string, name: string, version: number): string {
  return `no.klynge.${domain}.${name}.v${version}`;
}

export function defineEventStream(options: { domain: string; aggregate: string; version: number }): EventStream {
  const { domain, aggregate, version } = options;
  if (!SEGMENT.test(domain)) throw new Error(`Event domain "${domain}" must match ${String(SEGMENT)}`);
  if (!SEGMENT.test(aggregate)) throw new Error(`Event aggregate "${aggregate}" must match ${String(SEGMENT)}`);
  if (!Number.isInteger(version) || version < 1) throw new Error(`Event stream version must be 1 or more`);
  const topic = `${domain}.${aggregate}.v${version}`;
  const stream: EventStream = {
    domain,
    aggregate,
    version,
    topic,
    event<TData extends object>(name: string): EventContract<TData> {
      if (!EVENT_NAME.test(name)) throw new Error(`Event name "${name}" must be PascalCase`);
      return {
        stream,
        name,
        type: eventTypeName(domain, name, version),
        topic,
        schemaPath: `${topic}/${name}.json`,
      };
    },
  };
  return stream;
}
