import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.join(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');
const RUNBOOK = 'docs/operations.md';

/** Where a command is run: a file, and what in it shows it runs the command (its program and options, as the file passes them). */
interface RunBy {
  readonly file: string;
  readonly shows: readonly string[];
}

/**
 * Every shell command of the runbook, and what runs it. A command added to the runbook needs an
 * entry here, naming a test (or the fault suite, or CI's script) that runs it as written there,
 * placeholders aside.
 */
const RUN_BY: Readonly<Record<string, readonly RunBy[]>> = {
  'npm run schema:check -- --subgraph <name> --sdl <file>': [
    { file: 'packages/contract-tools/src/schema-check.test.ts', shows: ["'schema:check', '--', '--subgraph'", "'--sdl'"] },
  ],
  // Published as the runbook says: written beside the watched file, then renamed into place.
  'cp schemas/supergraph.graphql "$SUPERGRAPH_FILE.new" && mv "$SUPERGRAPH_FILE.new" "$SUPERGRAPH_FILE"': [
    {
      file: 'gateway/src/rollout.test.ts',
      shows: ['writeFileSync(`${file}.new`, sdl)', 'renameSync(`${file}.new`, file)', 'SUPERGRAPH_SOURCE: `file:${file}`'],
    },
  ],
  'curl -s http://localhost:4000/ready': [{ file: 'gateway/src/rollout.test.ts', shows: ["'/ready'", 'supergraph: { hash: string }'] }],
  // The command's own code on a copy of the repository, each step it would run recorded.
  'npm run subgraph:new -- <name> --owner <agency>': [
    {
      file: 'packages/subgraph-generator/src/subgraph-new-command.test.ts',
      shows: ["describe('npm run subgraph:new'", 'subgraphNewCommand(args'],
    },
  ],
  // CI's script runs it before the tests, and the tests' global setup runs its script when nothing is up.
  'npm run infra:up': [
    { file: '.ci/run', shows: ['npm run infra:up'] },
    { file: 'packages/test-infrastructure/src/infrastructure.ts', shows: ["runInfraScript('up.sh'"] },
  ],
  // As the README gives it, for one principal (siva), whose password it then logs in with.
  'npm run kafka:credentials -- <principal>': [
    { file: 'packages/graph-runner/src/kafka-access.test.ts', shows: ["'npm run kafka:credentials -- siva'"] },
  ],
  // The restore drill backs up every subgraph's database and restores funding's, with these.
  'pg_dump --format=custom --file=funding.dump "$DATABASE_URL"': [
    { file: 'gateway/src/restore-drill.fault.ts', shows: ["run('pg_dump', ['--format=custom', `--file=${file}`"] },
  ],
  'psql "$SERVER_URL" -c \'CREATE DATABASE funding\'': [
    {
      file: 'gateway/src/restore-drill.fault.ts',
      shows: ["const RESTORED = 'funding'", "run('psql', [postgres.url, '-c', `CREATE DATABASE ${RESTORED}`])"],
    },
  ],
  'pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" funding.dump': [
    {
      file: 'gateway/src/restore-drill.fault.ts',
      shows: ["run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${restoredUrl}`, fundingDump.file])"],
    },
  ],
  'npm run test:faults': [
    { file: '.ci/run', shows: ['npm run test:faults'] },
    { file: 'gateway/package.json', shows: ['"test:faults": "jest --testMatch \'**/*.fault.ts\'"'] },
  ],
  // The service's replay, as the npm command starts it, rebuilding every row; and the npm command itself, refusing while the service runs.
  'npm run replay -- --service funding': [
    { file: 'services/funding/src/replay.test.ts', shows: ['(`npm run replay -- --service funding` starts it so)', "['replay', ...args]"] },
    { file: 'packages/graph-runner/src/start.test.ts', shows: ["'run', '--silent', 'replay', '--'", "replay('--service', 'research')"] },
  ],
  'curl -s http://localhost:4000/metrics': [
    { file: 'gateway/src/security-headers-cors.test.ts', shows: ["describe('metrics'", "'/metrics'"] },
  ],
  // Each overlay rendered offline as kubectl kustomize renders it, every object checked against Kubernetes 1.36's schemas.
  'kubectl kustomize infra/k8s/overlays/production': [
    {
      file: 'infra/src/kubernetes-manifests.test.ts',
      shows: [
        "const OVERLAYS = ['development', 'production']",
        "execFileSync('kubectl', ['kustomize', path.join(k8s, 'overlays', overlay)]",
      ],
    },
  ],
  // On a broker of the test's own: the principal's open connection goes on, the old password is refused, the new one let in.
  'bash infra/kafka.sh set-password <principal>': [
    { file: 'packages/graph-runner/src/kafka-password.test.ts', shows: ["kafka.script('set-password', PRINCIPAL)"] },
    { file: 'packages/test-infrastructure/src/dedicated-kafka.ts', shows: ["runInfraScript('kafka.sh', args, env)"] },
  ],
  // Set for the gateway and the subgraph processes it starts, with a collector of the test's own at that address.
  'export OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318': [
    { file: 'gateway/src/tracing.test.ts', shows: ['OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint'] },
  ],
};

/** The runbook's shell commands: each line of its `sh` blocks (a line ending in `\` goes on), comments and blank lines left out. */
function runbookCommands(): string[] {
  const commands: string[] = [];
  for (const [, block] of read(RUNBOOK).matchAll(/^\s*```sh\n([\s\S]*?)^\s*```/gm)) {
    let pending = '';
    for (const line of block!.split('\n').map((text) => text.trim())) {
      if (line === '' || line.startsWith('#')) continue;
      if (line.endsWith('\\')) {
        pending += `${line.slice(0, -1).trim()} `;
        continue;
      }
      commands.push(pending + line);
      pending = '';
    }
  }
  return commands;
}

describe(`the runbook (${RUNBOOK})`, () => {
  const commands = runbookCommands();

  it('has commands, and each is run by a test, the fault suite or CI, as written there', () => {
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.filter((command) => !(command in RUN_BY))).toEqual([]);
    const unshown = Object.entries(RUN_BY).flatMap(([command, runs]) =>
      runs.flatMap(({ file, shows }) => {
        if (!existsSync(path.join(repoRoot, file))) return [`${command}: ${file} does not exist`];
        const text = read(file);
        return shows.filter((shown) => !text.includes(shown)).map((shown) => `${command}: ${file} does not contain ${shown}`);
      }),
    );
    expect(unshown).toEqual([]);
  });

  it('names no command the runbook no longer has', () => {
    expect(Object.keys(RUN_BY).filter((command) => !commands.includes(command))).toEqual([]);
  });

  it('is linked from the README', () => {
    expect(read('README.md')).toContain(`](${RUNBOOK})`);
  });
});
