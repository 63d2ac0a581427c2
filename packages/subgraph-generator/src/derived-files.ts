import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { subgraphRegistry, type SubgraphEntry } from '@klynge/schemas';
import { GATEWAY_PRINCIPAL, KAFKA_ADMIN, kafkaPrincipals, servicePrincipal } from '@klynge/subgraph-registry';
import type { DerivedFile } from './derived-file';
import { kubernetesManifests } from './kubernetes-manifests';
import { workspacesIn } from './workspaces';

export type { DerivedFile };

const GENERATED = 'Written from schemas/subgraphs.json by `npm run subgraphs:sync`; do not edit by hand.';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

export function derivedFiles(root: string = repoRoot, registry: readonly SubgraphEntry[] = subgraphRegistry()): DerivedFile[] {
  return [
    dockerCompose(root, registry),
    postgresInit(registry),
    codeOwners(registry),
    subgraphsPackage(root, registry),
    ...kubernetesManifests(root, registry),
  ];
}

/** Writes every derived file that differs; answers the paths it wrote. */
export function syncDerivedFiles(root: string = repoRoot, registry: readonly SubgraphEntry[] = subgraphRegistry()): string[] {
  const written: string[] = [];
  for (const file of derivedFiles(root, registry)) {
    const target = path.join(root, file.path);
    if (existsSync(target) && readFileSync(target, 'utf8') === file.content) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    written.push(file.path);
  }
  return written;
}

/** The derived files that are not what the registry says they should be. */
export function staleDerivedFiles(root: string = repoRoot, registry: readonly SubgraphEntry[] = subgraphRegistry()): string[] {
  return derivedFiles(root, registry)
    .filter((file) => !existsSync(path.join(root, file.path)) || readFileSync(path.join(root, file.path), 'utf8') !== file.content)
    .map((file) => file.path);
}

const healthcheck = (port: number) => `    healthcheck:
      test: ["CMD", "node", "-e", "fetch('http://127.0.0.1:${port}/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
      interval: 5s
      timeout: 5s
      retries: 30`;

const secretOf = (variable: string) => `\${${variable}:?set ${variable}, at least 32 bytes}`;
/** The operator's variable with a Kafka principal's password: CLUSTERS_SERVICE_KAFKA_PASSWORD, SIVA_KAFKA_PASSWORD, ... */
const kafkaPasswordVariable = (principal: string) => `${principal.toUpperCase().replace(/-/g, '_')}_KAFKA_PASSWORD`;

function dockerCompose(root: string, registry: readonly SubgraphEntry[]): DerivedFile {
  const subgraphs = registry
    .map(
      (entry) => `  ${entry.name}:
    build:
      context: .
      args:
        PACKAGE: "${entry.package}"
    environment:
      PORT: "${entry.port}"
      HOST: 0.0.0.0
      DATABASE_URL: postgresql://postgres:klynge@postgres:5432/${entry.database}
      KAFKA_BROKERS: kafka:19092
      KAFKA_USERNAME: ${servicePrincipal(entry.name)}
      KAFKA_PASSWORD: ${secretOf(kafkaPasswordVariable(servicePrincipal(entry.name)))}
      JWT_SECRET: ${secretOf('JWT_SECRET')}
      SUBGRAPH_SECRET: ${secretOf(entry.secretVariable)}
      LOG_LEVEL: info
    ports:
      - "${entry.port}:${entry.port}"
    depends_on:
      postgres:
        condition: service_healthy
      kafka-access:
        condition: service_completed_successfully
${healthcheck(entry.port)}
`,
    )
    .join('\n');
  const secrets = ['JWT_SECRET', ...registry.map((entry) => entry.secretVariable), ...kafkaPrincipals(registry).map(kafkaPasswordVariable)];
  const scramUsers = kafkaPrincipals(registry)
    .filter((principal) => principal !== KAFKA_ADMIN)
    .map((principal) => `${principal}=${secretOf(kafkaPasswordVariable(principal))}`);
  const content = `# The whole graph on a machine with Docker: PostgreSQL, Apache Kafka (KRaft), every subgraph of
# the registry and the gateway, each healthy before what depends on it starts.
# ${GENERATED}
#
#   docker compose up --build        then query http://localhost:4000/graphql
#
# It runs in production mode, so it needs secrets of your own, in the environment or in a .env
# file beside this one (git ignores it); none has a default. For example:
#
#   for name in ${secrets.join(' ')}; do
#     echo "$name=$(openssl rand -hex 32)"; done > .env
#
# Services read the same variables as anywhere else (their configuration declarations); a test in
# infra/src/docker-compose.test.ts checks this file against those declarations.
name: klynge

services:
  postgres:
    image: postgres:15
    environment:
      POSTGRES_USER: postgres
      POSTGRES_PASSWORD: klynge
    volumes:
      - ./infra/docker/postgres-init.sql:/docker-entrypoint-initdb.d/10-service-databases.sql:ro
      - postgres-data:/var/lib/postgresql/data
    ports:
      - "5432:5432"
    healthcheck:
      test: ["CMD-SHELL", "psql -U postgres -d ${registry.at(-1)!.database} -c 'SELECT 1' >/dev/null"]
      interval: 2s
      timeout: 5s
      retries: 30

  # KRaft, with the settings infra/kafka.sh uses (infra/kafka/server.properties.template): every
  # client authenticates with SASL/SCRAM-SHA-512 as a principal of the registry; services reach
  # it at kafka:19092, the host at localhost:9092. Healthy once every principal's user is there.
  kafka:
    image: apache/kafka:${readFileSync(path.join(root, 'infra', 'kafka', 'kafka.version'), 'utf8').trim()}
    command: ["bash", "/opt/klynge/kafka-start.sh"]
    environment:
      KAFKA_ADMIN_PASSWORD: ${secretOf(kafkaPasswordVariable(KAFKA_ADMIN))}
      KAFKA_SCRAM_USERS: >-
${scramUsers.map((user) => `        ${user}`).join('\n')}
    volumes:
      - ./infra/kafka/server.properties.template:/opt/klynge/server.properties.template:ro
      - ./infra/docker/kafka-start.sh:/opt/klynge/kafka-start.sh:ro
      - kafka-data:/var/lib/kafka/data
    ports:
      - "9092:9092"
    healthcheck:
      test: ["CMD", "test", "-f", "/tmp/users-ready"]
      interval: 5s
      timeout: 10s
      retries: 30

  # Makes the broker's ACLs the registry's (kafkaAccessPlan in @klynge/subgraph-registry; what it no longer allows is revoked) as the broker's admin, then exits.
  kafka-access:
    build:
      context: .
      args:
        PACKAGE: "@klynge/graph-runner"
    command: ["node", "packages/graph-runner/dist/kafka-access-main.js", "acls", "kafka:19092"]
    environment:
      KAFKA_ADMIN_PASSWORD: ${secretOf(kafkaPasswordVariable(KAFKA_ADMIN))}
    depends_on:
      kafka:
        condition: service_healthy

${subgraphs}
  gateway:
    build:
      context: .
      args:
        PACKAGE: "@klynge/gateway"
        # The dashboard, built into the same image and served at /dashboard/.
        ALSO: "@klynge/dashboard"
    environment:
      PORT: "4000"
      DASHBOARD_DIR: /repo/dashboard/dist
${registry.map((entry) => `      ${entry.urlVariable}: http://${entry.name}:${entry.port}/graphql`).join('\n')}
      HOST: 0.0.0.0
      JWT_SECRET: ${secretOf('JWT_SECRET')}
${registry.map((entry) => `      ${entry.secretVariable}: ${secretOf(entry.secretVariable)}`).join('\n')}
      CORS_ORIGINS: \${CORS_ORIGINS:-}
      # The response cache reads the events, as the gateways' principal (reads only).
      KAFKA_BROKERS: kafka:19092
      KAFKA_USERNAME: ${GATEWAY_PRINCIPAL}
      KAFKA_PASSWORD: ${secretOf(kafkaPasswordVariable(GATEWAY_PRINCIPAL))}
      # Prometheus scrapes /metrics here; the public port does not serve it in production.
      METRICS_PORT: "9464"
      METRICS_HOST: 0.0.0.0
      LOG_LEVEL: info
    ports:
      - "4000:4000"
      - "127.0.0.1:9464:9464"
    depends_on:
${registry.map((entry) => `      ${entry.name}:\n        condition: service_healthy`).join('\n')}
${healthcheck(4000)}

volumes:
  postgres-data:
  kafka-data:
`;
  return { path: 'docker-compose.yml', content };
}

function postgresInit(registry: readonly SubgraphEntry[]): DerivedFile {
  return {
    path: 'infra/docker/postgres-init.sql',
    content: `-- One database per subgraph, as infra/postgres.sh creates them on a local server.
-- ${GENERATED}
${registry.map((entry) => `CREATE DATABASE ${entry.database};`).join('\n')}
`,
  };
}

/** The team that owns everything no agency does (CODEOWNERS' `*`): no agency may have its name. */
export const PLATFORM_OWNER = 'platform';

/** Each subgraph's folder, SDL and event schemas belong to its owning agency's team; the rest to the platform team. */
function codeOwners(registry: readonly SubgraphEntry[]): DerivedFile {
  const team = (owner: string) => `@klynge/${owner}`;
  const rows: [string, string][] = [['*', team(PLATFORM_OWNER)]];
  for (const entry of registry) {
    rows.push([`/${entry.directory}/`, team(entry.owner)]);
    rows.push([`/schemas/${entry.name}.graphql`, team(entry.owner)]);
    for (const domain of entry.publishes) rows.push([`/schemas/events/${domain}.*/`, team(entry.owner)]);
  }
  const width = Math.max(...rows.map(([pattern]) => pattern.length));
  return {
    path: '.github/CODEOWNERS',
    content: `# Who reviews what: each subgraph's folder, SDL and event schemas belong to the team of the
# agency that owns it (schemas/subgraphs.json); everything else to the platform team.
# ${GENERATED}
${rows.map(([pattern, owner]) => `${pattern.padEnd(width)}  ${owner}`).join('\n')}
`,
  };
}

/** @klynge/subgraph-registry depends on every registered subgraph's package, so builds come in order. */
function subgraphsPackage(root: string, registry: readonly SubgraphEntry[]): DerivedFile {
  const file = 'packages/subgraph-registry/package.json';
  const manifest = JSON.parse(readFileSync(path.join(root, file), 'utf8')) as { dependencies: Record<string, string> };
  // Its own dependencies (the platform, the registry, the shared contracts) stay; the subgraph
  // packages (the workspaces under services/) are the registry's.
  const servicePackages = new Set(
    workspacesIn(root)
      .filter((workspace) => workspace.directory.startsWith('services/'))
      .map((workspace) => workspace.name),
  );
  const own = Object.entries(manifest.dependencies).filter(([name]) => !servicePackages.has(name));
  const dependencies = Object.fromEntries(
    [...own, ...registry.map((entry) => [entry.package, '*'] as const)].sort(([a], [b]) => a.localeCompare(b)),
  );
  return { path: file, content: `${JSON.stringify({ ...manifest, dependencies }, null, 2)}\n` };
}
