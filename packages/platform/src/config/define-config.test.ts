import { DEVELOPMENT_JWT_SECRET } from '../auth';
import { ConfigError, defineConfig, env } from './define-config';
import { subgraphConfig } from './subgraph-config';

describe('configuration from the environment', () => {
  const config = subgraphConfig({ service: 'clusters', port: 4001 });
  const valid = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/clusters', KAFKA_BROKERS: '127.0.0.1:9092' };

  it('reads the variables, with defaults for the ones not set', () => {
    expect(config.load(valid)).toMatchObject({
      PORT: 4001,
      HOST: '127.0.0.1',
      DATABASE_URL: valid.DATABASE_URL,
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      KAFKA_TOPIC_PREFIX: '',
      LOG_LEVEL: 'info',
    });
    expect(config.load({ ...valid, PORT: '5001', KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092' })).toMatchObject({
      PORT: 5001,
      KAFKA_BROKERS: ['kafka-1:9092', 'kafka-2:9092'],
    });
  });

  it('names every missing or invalid variable in one error', () => {
    let error: unknown;
    try {
      config.load({ PORT: '70000', DATABASE_URL: 'mysql://localhost/clusters', LOG_LEVEL: 'loud', KAFKA_BROKERS: 'kafka' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((problem) => problem.variable)).toEqual([
      'PORT',
      'DATABASE_URL',
      'KAFKA_BROKERS',
      'LOG_LEVEL',
    ]);
    expect((error as ConfigError).message).toBe(
      [
        'Invalid configuration:',
        '  PORT: must be a whole number from 1 to 65535, got "70000"',
        '  DATABASE_URL: must be a URL starting with postgres:, postgresql: or pglite:, got "mysql://localhost/clusters"',
        '  KAFKA_BROKERS: must be a comma-separated list of host:port, got "kafka"',
        '  LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      ].join('\n'),
    );
  });

  it('never repeats the value of a variable that may hold a password', () => {
    const secretive = defineConfig({
      CACHE_URL: env.url({ description: 'a store', protocols: ['redis:'], optional: true, secret: true }),
    });
    expect(() => secretive.load({ CACHE_URL: 'http://:hunter2@cache:6379' })).toThrow(
      new ConfigError([{ variable: 'CACHE_URL', message: 'must be a URL starting with redis:' }]),
    );
  });

  it('repeats a refused value without the password a URL carries', () => {
    const database = defineConfig({ DATABASE_URL: env.url({ description: 'a database', protocols: ['postgresql:'] }) });
    expect(() => database.load({ DATABASE_URL: 'mysql://klynge:hunter2@db.internal:3306/clusters' })).toThrow(
      new ConfigError([
        {
          variable: 'DATABASE_URL',
          message: 'must be a URL starting with postgresql:, got "mysql://klynge:***@db.internal:3306/clusters"',
        },
      ]),
    );
    expect(() => database.load({ DATABASE_URL: 'postgresql://klynge:hun:ter@2@db:5432:x/clusters' })).toThrow(/klynge:\*\*\*@db:5432:x/);
    expect(() => database.load({ DATABASE_URL: 'not a url' })).toThrow(/got "not a url"/);
  });

  it('parses each kind of variable strictly', () => {
    const kinds = defineConfig({
      COUNT: env.integer({ description: 'a count', min: 0 }),
      FLAG: env.boolean({ description: 'a flag' }),
      NAME: env.string({ description: 'a name', pattern: /^[a-z]+$/ }),
      HOSTS: env.hostPorts({ description: 'hosts' }),
      MAYBE: env.string({ description: 'optional', optional: true }),
    });
    expect(kinds.load({ COUNT: '3', FLAG: 'true', NAME: 'klynge', HOSTS: 'a:1' })).toEqual({
      COUNT: 3,
      FLAG: true,
      NAME: 'klynge',
      HOSTS: ['a:1'],
      MAYBE: undefined,
    });
    expect(() => kinds.load({ COUNT: '3.5', FLAG: 'yes', NAME: 'Klynge', HOSTS: 'a' })).toThrow(
      /COUNT: must be a whole number.*\n.*FLAG: must be true or false.*\n.*NAME: must match.*\n.*HOSTS: must be a comma-separated list of host:port/,
    );
  });

  it('lists its variables, so deployment files can be checked against it', () => {
    expect(config.variables.PORT.default).toBe(4001);
    expect(config.variables.DATABASE_URL.default).toBeUndefined();
    expect(Object.keys(config.variables)).toEqual(expect.arrayContaining(['DATABASE_URL', 'KAFKA_BROKERS', 'PORT']));
  });

  describe('in production', () => {
    const production = {
      ...valid,
      NODE_ENV: 'production',
      SUBGRAPH_SECRET: 's'.repeat(32),
      KAFKA_USERNAME: 'clusters-service',
      KAFKA_PASSWORD: 'p'.repeat(48),
    };
    const problems = (source: Record<string, string>) => {
      try {
        config.load(source);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };

    it('refuses to start without a key of its own for tokens, and never takes the development secret', () => {
      expect(problems(production)).toEqual([
        { variable: 'JWT_SECRET', message: expect.stringContaining('or JWKS_URL is required in production') },
      ]);
      expect(problems({ ...production, JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toEqual([
        { variable: 'JWT_SECRET', message: 'must not be the development secret in production' },
      ]);
      expect(problems({ ...production, JWT_SECRET: 'x'.repeat(31) })).toEqual([
        { variable: 'JWT_SECRET', message: 'must be at least 32 bytes long' },
      ]);
      expect(problems({ ...production, JWT_SECRET: 'x'.repeat(32) })).toEqual([]);
      expect(problems({ ...production, JWKS_URL: 'https://login.example.no/.well-known/jwks.json' })).toEqual([]);
    });

    it('lets only the gateway in: the subgraph secret is required and long enough', () => {
      const withKey = { ...production, JWT_SECRET: 'x'.repeat(32) };
      const { SUBGRAPH_SECRET: _secret, ...withoutSecret } = withKey;
      expect(problems(withoutSecret).map((problem) => problem.variable)).toEqual(['SUBGRAPH_SECRET']);
      expect(problems({ ...withKey, SUBGRAPH_SECRET: 'short' }).map((problem) => problem.variable)).toEqual(['SUBGRAPH_SECRET']);
    });

    it('takes the previous secrets only beside new ones, while they are rotated', () => {
      const withKey = { ...production, JWT_SECRET: 'x'.repeat(32) };
      const rotating = { ...withKey, JWT_SECRET_PREVIOUS: 'w'.repeat(32), SUBGRAPH_SECRET_PREVIOUS: 'r'.repeat(32) };
      expect(problems(rotating)).toEqual([]);
      expect(config.load(rotating)).toMatchObject({ JWT_SECRET_PREVIOUS: 'w'.repeat(32), SUBGRAPH_SECRET_PREVIOUS: 'r'.repeat(32) });
      const variables = (source: Record<string, string>) => problems(source).map((problem) => problem.variable);
      expect(variables({ ...rotating, JWT_SECRET_PREVIOUS: 'x'.repeat(32) })).toEqual(['JWT_SECRET_PREVIOUS']);
      expect(variables({ ...rotating, JWT_SECRET_PREVIOUS: 'short' })).toEqual(['JWT_SECRET_PREVIOUS']);
      expect(variables({ ...rotating, JWT_SECRET_PREVIOUS: DEVELOPMENT_JWT_SECRET })).toEqual(['JWT_SECRET_PREVIOUS']);
      expect(variables({ ...rotating, JWKS_URL: 'https://login.example.no/.well-known/jwks.json' })).toEqual(['JWT_SECRET_PREVIOUS']);
      expect(variables({ ...rotating, SUBGRAPH_SECRET_PREVIOUS: 's'.repeat(32) })).toEqual(['SUBGRAPH_SECRET_PREVIOUS']);
      expect(variables({ ...rotating, SUBGRAPH_SECRET_PREVIOUS: 'short' })).toEqual(['SUBGRAPH_SECRET_PREVIOUS']);
    });

    it("connects to Kafka as the service's own principal: both name and password, required in production", () => {
      const withKey = { ...production, JWT_SECRET: 'x'.repeat(32) };
      const { KAFKA_USERNAME: _username, KAFKA_PASSWORD: _password, ...anonymous } = withKey;
      expect(problems(anonymous)).toEqual([{ variable: 'KAFKA_USERNAME', message: expect.stringContaining('is required in production') }]);
      expect(problems({ ...anonymous, KAFKA_USERNAME: 'clusters-service' })).toEqual([
        { variable: 'KAFKA_PASSWORD', message: 'is required with KAFKA_USERNAME' },
      ]);
      expect(problems({ ...anonymous, KAFKA_PASSWORD: 'p'.repeat(48) })).toEqual([
        { variable: 'KAFKA_USERNAME', message: 'is required with KAFKA_PASSWORD' },
      ]);
      // On an in-process broker (no KAFKA_BROKERS) there is nothing to authenticate to.
      const { KAFKA_BROKERS: _brokers, ...embedded } = anonymous;
      expect(problems(embedded)).toEqual([]);
      expect(config.load(withKey)).toMatchObject({ KAFKA_USERNAME: 'clusters-service', KAFKA_PASSWORD: 'p'.repeat(48) });
    });

    it('keeps development on one machine: the development secret, and only the loopback interface', () => {
      expect(config.load(valid)).toMatchObject({ NODE_ENV: 'development', JWT_SECRET: undefined, HOST: '127.0.0.1' });
    });
  });

  it('reads comma-separated lists item by item', () => {
    const lists = defineConfig({ ORIGINS: env.list({ description: 'origins', default: [], item: /^https?:\/\/[a-z.]+$/ }) });
    expect(lists.load({})).toEqual({ ORIGINS: [] });
    expect(lists.load({ ORIGINS: 'https://a.no, http://b.no' })).toEqual({ ORIGINS: ['https://a.no', 'http://b.no'] });
    expect(() => lists.load({ ORIGINS: 'https://a.no,*' })).toThrow(/ORIGINS: must be a comma-separated list/);
  });
});
