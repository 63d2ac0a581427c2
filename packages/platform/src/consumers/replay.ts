import { isReplayable, type MessageBroker } from '@klynge/broker';
import { waitFor } from '@klynge/async';
import type { DataSource } from 'typeorm';
import { type EventSchemas, ownerSourceOf, type TopicNames } from '../events';
import type { Logger } from '../logging';
import type { UnitOfWork } from '../outbox';
import { ConsumerRunner } from './consumer-runner';
import type { EventConsumer } from './event-consumer';

export interface ReplayOptions {
  readonly service: string;
  /** The service's consumers; those that keep a read model are replayed. */
  readonly consumers: readonly EventConsumer[];
  /** Only this one (by name). */
  readonly only?: string;
  readonly broker: MessageBroker;
  readonly dataSource: DataSource;
  readonly unitOfWork: UnitOfWork;
  readonly schemas: EventSchemas;
  readonly topics: TopicNames;
  readonly logger: Logger;
  /** A line of progress for the person running it. */
  readonly progress: (line: string) => void;
  /** Longest a replay may take (default 10 minutes). */
  readonly timeoutMs?: number;
}

/** Why a replay cannot be done: said to the person running it, without a stack trace. */
export class ReplayRefusedError extends Error {}

/**
 * Rebuilds a service's read models from the start of the log: for each consumer that keeps one,
 * its consumer group is set back to the first message of its topics (refused while the service
 * runs), its tables, its consumed-events rows and its positions are emptied in one transaction, and the events
 * are applied again, as the service applies them, until the group has caught up. Its dead_letters
 * rows stay: what it parked before is not parked again (a poison event is tried again, and takes
 * effect if its handler has been fixed). Answers how many messages each consumer went through.
 */
export async function replayReadModels(options: ReplayOptions): Promise<{ consumer: string; messages: number }[]> {
  const { broker, dataSource, topics } = options;
  if (!isReplayable(broker))
    throw new ReplayRefusedError('Replay needs Kafka (KAFKA_BROKERS): the in-process broker keeps no log to replay');
  const chosen = options.consumers.filter((consumer) => options.only === undefined || consumer.name === options.only);
  if (options.only !== undefined && chosen.length === 0) {
    throw new ReplayRefusedError(
      `The ${options.service} service has no consumer ${options.only}: ${options.consumers.map((consumer) => consumer.name).join(', ')}`,
    );
  }
  const replayable = chosen.filter((consumer) => consumer.readModelTables.length > 0);
  if (options.only !== undefined && replayable.length === 0) {
    throw new ReplayRefusedError(
      `${options.only} keeps no read model (its events change the service's own data), so it cannot be replayed`,
    );
  }
  const done: { consumer: string; messages: number }[] = [];
  for (const consumer of replayable) {
    const groupId = topics.consumerGroup(options.service, consumer.name);
    const physical = consumer.topics.map((topic) => topics.topic(topic));
    try {
      await broker.rewindGroup(groupId, physical);
    } catch (error) {
      throw new ReplayRefusedError((error as Error).message);
    }
    await dataSource.transaction(async (manager) => {
      for (const table of consumer.readModelTables) await manager.query(`DELETE FROM ${table}`);
      await manager.query('DELETE FROM consumed_events WHERE consumer = $1', [consumer.name]);
      // The group starts over from the first message, and so does the database's record of it.
      await manager.query('DELETE FROM consumer_positions WHERE consumer = $1', [consumer.name]);
    });
    const runner = new ConsumerRunner({ ...options, consumer, ownerOf: ownerSourceOf });
    await runner.start();
    try {
      let last = '';
      const { total } = await waitFor(
        `${consumer.name} to catch up`,
        async () => {
          const progress = await broker.groupProgress(groupId, physical);
          const line = `${consumer.name}: ${progress.done} of ${progress.total} messages`;
          if (line !== last) options.progress((last = line));
          return progress.done >= progress.total ? progress : undefined;
        },
        { timeoutMs: options.timeoutMs ?? 600_000, intervalMs: 250 },
      );
      done.push({ consumer: consumer.name, messages: total });
    } finally {
      await runner.stop();
    }
  }
  return done;
}
