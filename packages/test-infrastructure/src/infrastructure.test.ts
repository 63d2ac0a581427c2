import {
  type InfraPart,
  type InfrastructureProviders,
  LOCAL_DATABASE_URL,
  LOCAL_KAFKA_BROKERS,
  provideInfrastructure,
} from './infrastructure';

/** Where the scripts' broker's credentials are, as infra/kafka.sh credentials-file would print it. */
const LOCAL_KAFKA_CREDENTIALS_FILE = '/checkout/infra/.state/kafka/credentials.json';

/** Records what the setup asked for; says whether "Docker" answers. */
function providers(docker: boolean) {
  const calls: string[] = [];
  const fake: InfrastructureProviders = {
    dockerAnswers: () => {
      calls.push('docker?');
      return Promise.resolve(docker);
    },
    startContainers: (parts: readonly 'postgres'[]) => {
      calls.push(`containers ${parts.join('+')}`);
      return Promise.resolve({
        databaseUrl: 'postgresql://test@127.0.0.1:32768/test',
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
    localKafkaCredentialsFile: () => LOCAL_KAFKA_CREDENTIALS_FILE,
  };
  return { fake, calls };
}

describe('where the tests find PostgreSQL and Kafka', () => {
  it('uses DATABASE_URL and KAFKA_BROKERS (and its credentials) when they are set, and starts nothing', async () => {
    const { fake, calls } = providers(true);
    const infrastructure = await provideInfrastructure(
      { DATABASE_URL: 'postgresql://ci@db:5432/postgres', KAFKA_BROKERS: 'kafka:9092', KAFKA_CREDENTIALS_FILE: '/run/kafka.json' },
      fake,
    );
    expect(infrastructure).toMatchObject({
      databaseUrl: 'postgresql://ci@db:5432/postgres',
      kafkaBrokers: 'kafka:9092',
      kafkaCredentialsFile: '/run/kafka.json',
      origin: 'environment',
    });
    expect(calls).toEqual([]);
  });

  it('starts a PostgreSQL container when a Docker engine answers, and stops it after; Kafka comes from the scripts', async () => {
    const { fake, calls } = providers(true);
    const infrastructure = await provideInfrastructure({}, fake);
    expect(infrastructure).toMatchObject({
      databaseUrl: 'postgresql://test@127.0.0.1:32768/test',
      kafkaBrokers: LOCAL_KAFKA_BROKERS,
      kafkaCredentialsFile: LOCAL_KAFKA_CREDENTIALS_FILE,
      origin: 'containers (postgres) and infra scripts (kafka)',
    });
    await infrastructure.stop();
    expect(calls).toEqual(['docker?', 'containers postgres', 'scripts kafka', 'stop containers']);
  });

  it('otherwise runs the infra scripts and uses the local servers', async () => {
    const { fake, calls } = providers(false);
    const infrastructure = await provideInfrastructure({}, fake);
    expect(infrastructure).toMatchObject({
      databaseUrl: LOCAL_DATABASE_URL,
      kafkaBrokers: LOCAL_KAFKA_BROKERS,
      kafkaCredentialsFile: LOCAL_KAFKA_CREDENTIALS_FILE,
      origin: 'infra scripts (postgres, kafka)',
    });
    await infrastructure.stop();
    expect(calls).toEqual(['docker?', 'scripts postgres+kafka']);
  });

  it('runs only the broker from the scripts when DATABASE_URL is set', async () => {
    const { fake, calls } = providers(true);
    const infrastructure = await provideInfrastructure({ DATABASE_URL: 'postgresql://ci@db:5432/postgres' }, fake);
    expect(infrastructure).toMatchObject({ databaseUrl: 'postgresql://ci@db:5432/postgres', origin: 'infra scripts (kafka)' });
    expect(calls).toEqual(['scripts kafka']);
  });
});
