import { setTimeout as delay } from 'node:timers/promises';
import { kafkaBroker } from '@klynge/broker-kafka';
import { Arg, Directive, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { subgraphConfig, type SubgraphConfig } from '../config';
import { alignByKey, BadUserInputError, batchedReference } from '../graphql';
import type { ServiceDefinition, ServiceDependencies } from '../service';
import { sampleEventSchemas, TallyIncremented } from './sample-events';
import { CreateTallies1795400000001, incrementTally, tallyTotalsConsumer } from './tally-model';

/** A made-up subgraph that exercises everything the platform wires up, for its own tests. */
export const sampleConfig = subgraphConfig({ service: 'sample', port: 4099 });

@Directive('@key(fields: "id")')
@ObjectType('Tally')
export class TallyType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  count!: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Slow queries running right now (the shutdown test waits for one). */
export const slowQueries = { running: 0 };

/** How often the batched reference loader queried the database (the tests count). */
export const referenceLoads: (readonly string[])[] = [];

async function loadTallies(dataSource: DataSource, ids: readonly string[]): Promise<(TallyType | null)[]> {
  referenceLoads.push(ids);
  const rows: { tally_id: string; count: number }[] = await dataSource.query(
    'SELECT tally_id, count FROM tallies WHERE tally_id = ANY($1::uuid[])',
    [ids.filter((id) => UUID.test(id))],
  );
  return alignByKey(
    ids,
    rows.map((row) => ({ id: row.tally_id, count: row.count })),
    (tally) => tally.id,
  );
}

@Resolver(() => TallyType)
export class TallyResolver {
  constructor(private readonly dependencies: ServiceDependencies) {}

  @Query(() => TallyType, { nullable: true })
  async tally(@Arg('id', () => ID) id: string): Promise<TallyType | null> {
    const [tally] = await loadTallies(this.dependencies.dataSource, [id]);
    return tally ?? null;
  }

  @Mutation(() => TallyType)
  async incrementTally(@Arg('id', () => ID) id: string, @Arg('sequence', () => Int) sequence: number): Promise<TallyType> {
    if (!UUID.test(id)) throw new BadUserInputError('id', 'id must be a UUID');
    await incrementTally(this.dependencies.unitOfWork, id, sequence);
    const [tally] = await loadTallies(this.dependencies.dataSource, [id]);
    return tally!;
  }

  @Query(() => String, { description: 'Fails unexpectedly, leaking a secret if errors were not masked.' })
  broken(): string {
    throw new Error('could not connect with password hunter2');
  }

  @Query(() => Int, { description: 'Answers after `ms` milliseconds: a request to be in flight at shutdown.' })
  async slow(@Arg('ms', () => Int) ms: number): Promise<number> {
    this.dependencies.logger.info({ ms }, 'Slow query started');
    slowQueries.running += 1;
    try {
      await delay(ms);
      return ms;
    } finally {
      slowQueries.running -= 1;
    }
  }
}

export function sampleService(config: SubgraphConfig, broker: ServiceDefinition['broker'] = kafkaBroker): ServiceDefinition {
  return {
    name: 'sample',
    config,
    broker,
    migrations: [CreateTallies1795400000001],
    publishes: [TallyIncremented],
    eventSchemas: sampleEventSchemas(),
    schema: (dependencies) => ({
      resolvers: [new TallyResolver(dependencies)],
      referenceResolvers: {
        Tally: batchedReference(
          'tally',
          (reference) => String(reference.id),
          (ids) => loadTallies(dependencies.dataSource, ids),
        ),
      },
    }),
    consumers: () => [tallyTotalsConsumer()],
  };
}
