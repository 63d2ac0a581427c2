import type { MessageBroker, Subscription } from '@klynge/broker';
import type { Logger } from '@klynge/platform/logging';
import type { GatewayMetrics } from '../metrics';
import type { SharingEpoch } from '../sharing-epoch';
import { entitiesOfEvent, type EventEntityMap, eventTopics } from './event-entities';
import type { AnswerCache } from './response-cache';

/** Where the gateway reads the events from: a broker, the deployment's topic prefix, and a consumer group of its own. */
export interface EventSource {
  readonly broker: MessageBroker;
  /** KAFKA_TOPIC_PREFIX: tests and benchmarks run on topics of their own. */
  readonly topicPrefix?: string;
  /**
   * Every gateway process reads every event, so each has a group of its own (under `gateway.`,
   * the prefix the gateway's principal may use). A new group starts at the topics' first
   * message: nothing published before the gateway joined is missed, and its cache starts empty.
   */
  readonly groupId: string;
  /** Whether the gateway closes the broker when it stops (it made it), or its owner does. */
  readonly closeBroker?: boolean;
}

/**
 * Reads every event topic (schemas/events) and drops the cached answers each event may have
 * changed. Read-only: it creates no topic and publishes nothing, and never holds an event back
 * (an event it cannot read drops everything it could have touched).
 *
 * Each batch of events also ends the sharing of work in flight (`epoch`): a request that arrives
 * after an event must not be given the answer of an execution, or a subgraph query, that began
 * before it, or it would show what the event changed as it was before. Any event does, not only
 * one that touches the work: which entities an answer holds is known only once it is done.
 */
export async function invalidateOnEvents(options: {
  readonly source: EventSource;
  readonly cache: AnswerCache;
  readonly epoch: SharingEpoch;
  readonly maps: () => ReadonlyMap<string, EventEntityMap>;
  readonly metrics: GatewayMetrics;
  readonly logger: Logger;
}): Promise<Subscription> {
  const { source, cache, epoch, metrics, logger } = options;
  const prefix = source.topicPrefix ?? '';
  const topics = eventTopics();
  const subscription = await source.broker.subscribe({
    groupId: `${prefix}${source.groupId}`,
    topics: topics.map((topic) => `${prefix}${topic}`),
    handleBatch: async (messages) => {
      epoch.advance();
      for (const message of messages) {
        const topic = message.topic.slice(prefix.length);
        const dropped = await cache.invalidate(entitiesOfEvent(options.maps(), topic, message.value));
        metrics.responseCacheEvents.inc();
        if (dropped > 0) logger.debug({ topic, offset: message.offset, dropped }, 'An event dropped cached answers');
      }
    },
  });
  logger.info({ topics: topics.length, groupId: source.groupId }, 'The response cache reads the event topics');
  return subscription;
}
