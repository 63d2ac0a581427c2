import {
  type InfraPart,
  type InfrastructureProviders,
  LOCAL_DATABASE_URL,
  LOCAL_KAFKA_BROKERS,
  provideInfrastructure,
} from './infrastructure';

/** Records what the setup asked for; says whether "Docker" answers. */
function providers(docker: boolean) {
  const calls: string[] = [];
  const fake: InfrastructureProviders = {
    dockerAnswers: () => {
      calls.push('docker?');
      return Promise.resolve(docker);
    },
    startContainers: (parts: readonly InfraPart[]) => {
      calls.push(`containers ${parts.join('+')}`);
      return Promise.resolve({
        ...(parts.includes('postgres') ? { databaseUrl: 'postgresql://test@127.0.0.1:32768/test' } : {}),
        ...(parts.includes('kafka') ? { kafkaBrokers: '127.0.0.1:32769' } : {}),
        stop: () => {
          calls.push('stop containers');
          return Promise.resolve();
        },
      });
    },
    runInfraScripts: (parts: readonly InfraPart[]) => {
      calls.push(`scripts ${parts.join('+')}`);
      return Promise.resolve();
    },
  };
  return { fake, calls };
}

describe('where the tests find PostgreSQL and Kafka', () => {
  it('uses DATABASE_URL and KAFKA_BROKERS when both are set, and starts nothing', async () => {
    const { fake, calls } = providers(true);
    const infrastructure = await provideInfrastructure(
      { DATABASE_URL: 'postgresql://ci@db:5432/postgres', KAFKA_BROKERS: 'kafka:9092' },
      fake,
    );
    expect(infrastructure).toMatchObject({
      databaseUrl: 'postgresql://ci@db:5432/postgres',
      kafkaBrokers: 'kafka:9092',
      origin: 'environment',
    });
    expect(calls).toEqual([]);
  });

  it('starts containers for what is missing when a Docker engine answers, and stops them after', async () => {
    const { fake, calls } = providers(true);
    const infrastructure = await provideInfrastructure({ KAFKA_BROKERS: 'kafka:9092' }, fake);
    expect(infrastructure).toMatchObject({
      databaseUrl: 'postgresql://test@127.0.0.1:32768/test',
      kafkaBrokers: 'kafka:9092',
      origin: 'containers (postgres)',
    });
    await infrastructure.stop();
    expect(calls).toEqual(['docker?', 'containers postgres', 'stop containers']);
  });

  it('otherwise runs the infra scripts and uses the local servers', async () => {
    const { fake, calls } = providers(false);
    const infrastructure = await provideInfrastructure({}, fake);
    expect(infrastructure).toMatchObject({
      databaseUrl: LOCAL_DATABASE_URL,
      kafkaBrokers: LOCAL_KAFKA_BROKERS,
      origin: 'infra scripts (postgres, kafka)',
    });
    await infrastructure.stop();
    expect(calls).toEqual(['docker?', 'scripts postgres+kafka']);
  });
});
