import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gatewayConfig } from '@klynge/gateway/config';
import type { VariableSpec } from '@klynge/platform';
import { registeredSubgraph, subgraphRegistry } from '@klynge/schemas';
import { KAFKA_ADMIN, kafkaPrincipals, loadSubgraphs, servicePrincipal } from '@klynge/subgraph-registry';
import { parse } from 'yaml';

/**
 * docker-compose.yml cannot run on a machine without Docker, so its wiring is checked here
 * against what each service itself declares it reads.
 */

interface ComposeService {
  image?: string;
  command?: string[];
  build?: { context: string; args?: Record<string, string> };
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}

const repoRoot = path.join(__dirname, '..', '..');
const compose = parse(readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>;
};
const services = compose.services;
const kafkaVersion = readFileSync(path.join(repoRoot, 'infra', 'kafka', 'kafka.version'), 'utf8').trim();
const kafkaStartScript = readFileSync(path.join(repoRoot, 'infra', 'docker', 'kafka-start.sh'), 'utf8');
const kafkaPasswordVariable = (principal: string) => `${principal.toUpperCase().replace(/-/g, '_')}_KAFKA_PASSWORD`;

interface AnyConfig {
  readonly variables: Record<string, VariableSpec<unknown>>;
  load(source: Record<string, string>): unknown;
}

/** What an operator sets before `docker compose up` (in the environment or .env). */
const OPERATOR_ENVIRONMENT: Record<string, string> = Object.fromEntries([
  ['JWT_SECRET', 'j'.repeat(64)],
  ...subgraphRegistry().map((entry) => [entry.secretVariable, `${entry.name}-secret`.padEnd(64, '!')]),
  ...kafkaPrincipals().map((principal) => [kafkaPasswordVariable(principal), `${principal}-password`.padEnd(48, 'p')]),
]);

/** A compose value with its ${VARIABLE} references replaced as compose does, from `from`. */
function interpolate(value: string, from: Record<string, string | undefined>): string {
  return value.replace(/\$\{([A-Z0-9_]+)(?:(:[?-])([^}]*))?\}/g, (_match, name: string, operator?: string, text?: string) => {
    const set = from[name];
    if (set !== undefined && set !== '') return set;
    if (operator === ':?') throw new Error(`compose refuses to start: ${text ?? name}`);
    return operator === ':-' ? (text ?? '') : '';
  });
}

/** A service's environment as its process gets it: from the image (production mode) and compose. */
const environmentOf = (name: string, from: Record<string, string | undefined> = OPERATOR_ENVIRONMENT): Record<string, string> => ({
  NODE_ENV: 'production',
  ...Object.fromEntries(Object.entries(services[name]!.environment ?? {}).map(([key, value]) => [key, interpolate(value, from)])),
});
const subgraphs: [string, AnyConfig][] = loadSubgraphs().map((subgraph) => [subgraph.name, subgraph.config]);

const required = (config: AnyConfig) =>
  Object.entries(config.variables)
    .filter(([, spec]) => spec.default === undefined && !spec.optional)
    .map(([name]) => name);

/** Every variable compose sets must be one the service reads, and it must pass its checks. */
function expectEnvironmentFits(name: string, config: AnyConfig) {
  const environment = environmentOf(name);
  for (const variable of Object.keys(environment)) expect(Object.keys(config.variables)).toContain(variable);
  for (const variable of required(config)) expect(Object.keys(environment)).toContain(variable);
  expect(() => config.load(environment)).not.toThrow();
}

function expectPublishedPort(name: string, config: AnyConfig) {
  const port = String(config.variables.PORT!.default);
  expect(services[name]!.environment?.PORT).toBe(port);
  expect(services[name]!.ports).toContain(`${port}:${port}`);
  expect(services[name]!.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${port}/ready`);
}

describe('docker-compose.yml', () => {
  it('runs PostgreSQL 15, the official Apache Kafka image (KRaft, our version), every service and the gateway', () => {
    expect(Object.keys(services).sort()).toEqual(
      [...subgraphRegistry().map((entry) => entry.name), 'gateway', 'kafka', 'kafka-access', 'postgres'].sort(),
    );
    expect(services.postgres!.image).toBe('postgres:15');
    expect(services.kafka!.image).toBe(`apache/kafka:${kafkaVersion}`);
    for (const [name, service] of Object.entries(services)) {
      if (name === 'kafka-access') continue; // a one-off: it applies the ACLs and exits
      expect({ name, healthcheck: Boolean(service.healthcheck?.test.length) }).toEqual({ name, healthcheck: true });
    }
  });

  describe('Kafka', () => {
    it('runs with the settings of infra/kafka.sh: KRaft, SASL/SCRAM-SHA-512 and the StandardAuthorizer', () => {
      expect(services.kafka!.command).toEqual(['bash', '/opt/klynge/kafka-start.sh']);
      expect(services.kafka!.volumes).toEqual(
        expect.arrayContaining([
          './infra/kafka/server.properties.template:/opt/klynge/server.properties.template:ro',
          './infra/docker/kafka-start.sh:/opt/klynge/kafka-start.sh:ro',
        ]),
      );
      const template = readFileSync(path.join(repoRoot, 'infra', 'kafka', 'server.properties.template'), 'utf8');
      expect(template).toContain('process.roles=broker,controller');
      expect(template).toContain('sasl.enabled.mechanisms=SCRAM-SHA-512');
      expect(template).toContain('authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer');
      expect(template).toContain('allow.everyone.if.no.acl.found=false');
      // Every placeholder of the template is filled in by the start script.
      for (const [placeholder] of template.matchAll(/@[A-Z_]+@/g)) expect(kafkaStartScript).toContain(`s|${placeholder}|`);
    });

    it('has a SCRAM user for every principal of the registry, each password from the operator', () => {
      const environment = services.kafka!.environment!;
      expect(environment.KAFKA_ADMIN_PASSWORD).toMatch(new RegExp(`^\\$\\{${kafkaPasswordVariable(KAFKA_ADMIN)}:\\?`));
      const users = environmentOf('kafka').KAFKA_SCRAM_USERS!.split(' ');
      expect(users).toEqual(
        kafkaPrincipals()
          .filter((principal) => principal !== KAFKA_ADMIN)
          .map((principal) => `${principal}=${OPERATOR_ENVIRONMENT[kafkaPasswordVariable(principal)]}`),
      );
      expect(() => environmentOf('kafka', { ...OPERATOR_ENVIRONMENT, SIVA_KAFKA_PASSWORD: '' })).toThrow(
        /compose refuses to start: set SIVA_KAFKA_PASSWORD/,
      );
    });

    it("gets the registry's ACLs applied, as its admin, before any service starts", () => {
      const access = services['kafka-access']!;
      expect(access.build?.args?.PACKAGE).toBe('@klynge/graph-runner');
      expect(access.command).toEqual(['node', 'packages/graph-runner/dist/kafka-access-main.js', 'acls', 'kafka:19092']);
      expect(access.environment!.KAFKA_ADMIN_PASSWORD).toBe(services.kafka!.environment!.KAFKA_ADMIN_PASSWORD);
      expect(access.depends_on).toEqual({ kafka: { condition: 'service_healthy' } });
    });
  });

  describe.each(subgraphs)('the %s subgraph', (name, config) => {
    it('gets exactly the variables it reads, with valid values', () => {
      expectEnvironmentFits(name, config);
    });

    it('publishes its configured port and is healthy when /ready answers', () => {
      expectPublishedPort(name, config);
    });

    it('uses its own database on the compose PostgreSQL, created at first start', () => {
      const url = new URL(services[name]!.environment!.DATABASE_URL!);
      expect(url.hostname).toBe('postgres');
      const { database } = registeredSubgraph(name);
      expect(url.pathname).toBe(`/${database}`);
      expect(url.password).toBe(services.postgres!.environment!.POSTGRES_PASSWORD);
      const initSql = readFileSync(path.join(repoRoot, 'infra', 'docker', 'postgres-init.sql'), 'utf8');
      expect(initSql).toContain(`CREATE DATABASE ${database};`);
      expect(services.postgres!.volumes).toContain(
        './infra/docker/postgres-init.sql:/docker-entrypoint-initdb.d/10-service-databases.sql:ro',
      );
    });

    it('reaches Kafka on the listener advertised inside the compose network, as its own principal', () => {
      const brokers = services[name]!.environment!.KAFKA_BROKERS!.split(',');
      for (const broker of brokers) {
        expect(broker.startsWith('kafka:')).toBe(true);
        expect(kafkaStartScript).toContain(`CLIENT://${broker}`);
      }
      const environment = environmentOf(name);
      expect(environment.KAFKA_USERNAME).toBe(servicePrincipal(name));
      expect(environmentOf('kafka').KAFKA_SCRAM_USERS!.split(' ')).toContain(`${servicePrincipal(name)}=${environment.KAFKA_PASSWORD}`);
    });

    it('is built from its own package and starts after PostgreSQL is healthy and the ACLs are in place', () => {
      expect(services[name]!.build?.args?.PACKAGE).toBe(`@klynge/${name}`);
      expect(services[name]!.depends_on).toEqual({
        postgres: { condition: 'service_healthy' },
        'kafka-access': { condition: 'service_completed_successfully' },
      });
    });
  });

  describe('the gateway', () => {
    it('gets exactly the variables it reads, and its port', () => {
      expectEnvironmentFits('gateway', gatewayConfig);
      expectPublishedPort('gateway', gatewayConfig);
      expect(services.gateway!.build?.args?.PACKAGE).toBe('@klynge/gateway');
    });

    it('serves the dashboard, built into its image (the Dockerfile builds ALSO beside PACKAGE, under its WORKDIR)', () => {
      expect(services.gateway!.build?.args?.ALSO).toBe('@klynge/dashboard');
      const dockerfile = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');
      const workdir = /^WORKDIR (\S+)$/m.exec(dockerfile)![1]!;
      expect(dockerfile).toMatch(/turbo@[\d.]+ prune "\$PACKAGE" \$ALSO --docker/);
      expect(dockerfile).toMatch(/--filter="\$PACKAGE" \$\(for also in \$ALSO; do printf -- '--filter=%s ' "\$also"; done\)/);
      expect(services.gateway!.environment!.DASHBOARD_DIR).toBe(path.posix.join(workdir, 'dashboard', 'dist'));
    });

    it('proves itself to each subgraph with the secret that subgraph expects, and shares the token secret', () => {
      for (const [name] of subgraphs) {
        expect(services.gateway!.environment![registeredSubgraph(name).secretVariable]).toBe(services[name]!.environment!.SUBGRAPH_SECRET);
        expect(services[name]!.environment!.SUBGRAPH_SECRET).toBeTruthy();
        expect(services[name]!.environment!.JWT_SECRET).toBe(services.gateway!.environment!.JWT_SECRET);
      }
    });

    it('takes every secret from the operator, with no default: without them compose does not start', () => {
      for (const [name, service] of Object.entries(services)) {
        for (const [variable, value] of Object.entries(service.environment ?? {})) {
          if (/SECRET|KAFKA.*PASSWORD/.test(variable))
            expect({ name, variable, value }).toEqual({ name, variable, value: expect.stringMatching(/^\$\{[A-Z_]+:\?[^}]+\}$/) });
        }
      }
      expect(() => environmentOf('gateway', {})).toThrow(/compose refuses to start: set JWT_SECRET/);
    });

    it('serves metrics on a port of their own, published to this machine only', () => {
      const environment = environmentOf('gateway');
      expect(environment.METRICS_PORT).toBe('9464');
      expect(services.gateway!.ports).toContain('127.0.0.1:9464:9464');
    });

    it('points at each subgraph by its compose name and configured port, once they are healthy', () => {
      for (const [name, config] of subgraphs) {
        const variable = registeredSubgraph(name).urlVariable;
        expect(Object.keys(gatewayConfig.variables)).toContain(variable);
        expect(services.gateway!.environment![variable]).toBe(`http://${name}:${String(config.variables.PORT!.default)}/graphql`);
        expect(services.gateway!.depends_on![name]).toEqual({ condition: 'service_healthy' });
      }
    });
  });
});
