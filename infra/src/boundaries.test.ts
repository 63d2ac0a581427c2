import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.join(__dirname, '..', '..');

/**
 * What `npm run lint:boundaries` (.dependency-cruiser.cjs) says of one file written for the test:
 * the rules it breaks. The file sits in a folder of its own under `under` (services/ unless said)
 * whose name starts with a dot, which no workspace, build or lint:boundaries glob takes in, and is
 * removed after.
 */
function rulesBrokenBy(file: string, source: string, under = 'services'): string[] {
  const folder = path.join(repoRoot, under, `.boundary-probe-${randomUUID()}`);
  const probe = path.join(folder, file);
  mkdirSync(path.dirname(probe), { recursive: true });
  writeFileSync(probe, source);
  try {
    const output = execFileSync(
      path.join(repoRoot, 'node_modules', '.bin', 'depcruise'),
      ['--config', '.dependency-cruiser.cjs', '--output-type', 'json', path.relative(repoRoot, probe)],
      { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    return rulesIn(output);
  } catch (error) {
    // depcruise exits non-zero when an error-level rule is broken; its report is still on stdout.
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw error;
    return rulesIn(stdout);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const rulesIn = (report: string) =>
  [
    ...new Set(
      (JSON.parse(report) as { summary: { violations: { rule: { name: string } }[] } }).summary.violations.map((v) => v.rule.name),
    ),
  ].sort();

describe('the boundaries npm run lint:boundaries keeps', () => {
  it('refuses a service that imports a broker adapter: its process, @klynge/subgraph-runner, chooses one (issue 28, item 3)', () => {
    expect(
      rulesBrokenBy('src/process.ts', "import { kafkaBroker } from '@klynge/broker-kafka';\nexport const broker = kafkaBroker;\n"),
    ).toEqual(['services-name-no-broker-adapter']);
    expect(
      rulesBrokenBy('src/embedded.ts', "import { LocalBroker } from '@klynge/broker-local';\nexport const broker = LocalBroker;\n"),
    ).toEqual(['services-name-no-broker-adapter']);
  });

  it('lets a service use the broker interface and the platform', () => {
    expect(
      rulesBrokenBy(
        'src/events.ts',
        "import type { BrokerFactory } from '@klynge/broker';\nimport { defineSubgraph } from '@klynge/platform';\nexport type Both = [BrokerFactory, typeof defineSubgraph];\n",
      ),
    ).toEqual([]);
  });

  it("refuses a gateway that loads the platform's barrel, its database or TypeORM: its subpaths for every process only (issue 28, item 2)", () => {
    const gateway = (source: string) => rulesBrokenBy('server.ts', source, 'gateway/src');
    expect(gateway("import { securityHeaders } from '@klynge/platform';\nexport const headers = securityHeaders;\n")).toEqual([
      'gateway-loads-no-database',
    ]);
    expect(gateway("import { createDataSource } from '@klynge/platform/database';\nexport const create = createDataSource;\n")).toEqual([
      'gateway-loads-no-database',
    ]);
    expect(gateway("import { DataSource } from 'typeorm';\nexport const source = DataSource;\n")).toEqual(['gateway-loads-no-database']);
    expect(
      gateway(
        "import { tokenVerifier } from '@klynge/platform/auth';\nimport { securityHeaders } from '@klynge/platform/http';\nimport type { Subgraph } from '@klynge/platform/subgraph';\nexport type Both = [typeof tokenVerifier, typeof securityHeaders, Subgraph];\n",
      ),
    ).toEqual([]);
    // A test of the gateway may start services.
    expect(
      rulesBrokenBy(
        'server.test.ts',
        "import { createDataSource } from '@klynge/platform';\nexport const create = createDataSource;\n",
        'gateway/src',
      ),
    ).toEqual([]);
  });

  it('refuses a platform module for every process that imports the database (what the gateway loads stays light)', () => {
    expect(
      rulesBrokenBy(
        'tokens.ts',
        "import { createDataSource } from '../../database';\nexport const create = createDataSource;\n",
        'packages/platform/src/auth',
      ),
    ).toEqual(['platform-subpaths-for-every-process-stay-light']);
    expect(
      rulesBrokenBy('tokens.ts', "import { ROLES } from '../../graphql';\nexport const roles = ROLES;\n", 'packages/platform/src/auth'),
    ).toEqual(['platform-subpaths-for-every-process-stay-light']);
  });

  it('refuses a resolver that imports TypeORM, even its types only: it asks a *.queries.ts or a *.service.ts (issue 28)', () => {
    expect(rulesBrokenBy('src/things.resolver.ts', "import { DataSource } from 'typeorm';\nexport const source = DataSource;\n")).toEqual([
      'resolvers-use-queries-and-services',
    ]);
    expect(
      rulesBrokenBy('src/things.resolver.ts', "import type { Repository } from 'typeorm';\nexport type Things = Repository<object>;\n"),
    ).toEqual(['resolvers-use-queries-and-services']);
  });

  it('lets the queries and services behind a resolver use TypeORM, and a resolver the platform', () => {
    const usesTypeorm = "import type { DataSource } from 'typeorm';\nexport type Source = DataSource;\n";
    expect(rulesBrokenBy('src/things.queries.ts', usesTypeorm)).toEqual([]);
    expect(rulesBrokenBy('src/things.service.ts', usesTypeorm)).toEqual([]);
    expect(
      rulesBrokenBy(
        'src/things.resolver.ts',
        "import { PageArgs, type RequestContext } from '@klynge/platform';\nexport type Both = [PageArgs, RequestContext];\n",
      ),
    ).toEqual([]);
  });
});
