import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eventSchemaDir, type SubgraphEntry, subgraphRegistry } from '@klynge/schemas';
import { servicePrincipal } from '@klynge/subgraph-registry';

const repoRoot = path.join(__dirname, '..', '..');
const registry = subgraphRegistry();

const readmeOf = (entry: SubgraphEntry) => readFileSync(path.join(repoRoot, entry.directory, 'README.md'), 'utf8');
const scriptsIn = (directory: string) =>
  Object.keys((JSON.parse(readFileSync(path.join(repoRoot, directory, 'package.json'), 'utf8')) as { scripts: object }).scripts);

/**
 * The subgraphs older than `npm run subgraph:new`, whose READMEs were written in the shape it
 * generates (packages/subgraph-generator's tests check a generated one the same way).
 */
const FIRST_SUBGRAPHS = ['clusters', 'funding', 'competence'];

describe("the subgraphs' READMEs", () => {
  it.each(registry.map((entry) => entry.name))("%s: every npm script it names is there, the root's or the subgraph's own", (name) => {
    const entry = registry.find((registered) => registered.name === name)!;
    const named = [...readmeOf(entry).matchAll(/npm run ([\w:-]+)(?: --workspace (@klynge\/[\w-]+))?/g)];
    expect(named.length).toBeGreaterThan(2);
    const missing = named.filter(([, script, workspace]) => {
      const directory = workspace === undefined ? '.' : registry.find((registered) => registered.package === workspace)?.directory;
      return directory === undefined || !scriptsIn(directory).includes(script!);
    });
    expect(missing.map(([command]) => command)).toEqual([]);
  });

  it.each(registry.map((entry) => entry.name))(
    '%s: names each event it publishes, with its topic, and no topic that is not there',
    (name) => {
      const entry = registry.find((registered) => registered.name === name)!;
      const readme = readmeOf(entry);
      const topics = readdirSync(eventSchemaDir).filter((topic) => entry.publishes.some((domain) => topic.startsWith(`${domain}.`)));
      const published = topics.flatMap((topic) => [
        topic,
        ...readdirSync(path.join(eventSchemaDir, topic)).map((file) => path.basename(file, '.json')),
      ]);
      expect(published.filter((said) => !readme.includes(said))).toEqual([]);
      // A topic is <domain>.<aggregate>.v<n>, and a domain may have a hyphen (demo-partner).
      const named = [...readme.matchAll(/(?<![\w-])([a-z][a-z-]*\.[a-z][a-z-]*\.v\d+)\b/g)].map(([, topic]) => topic!);
      expect(named.filter((topic) => !readdirSync(eventSchemaDir).includes(topic))).toEqual([]);
    },
  );

  it.each(FIRST_SUBGRAPHS)('%s: says how to test, run and log in to Kafka with, in its real package, variables and principal', (name) => {
    const entry = registry.find((registered) => registered.name === name)!;
    const readme = readmeOf(entry);
    for (const said of [
      `npx turbo run test --filter=${entry.package}`,
      'DATABASE_URL',
      'KAFKA_BROKERS',
      'KAFKA_CREDENTIALS_FILE',
      `npm start --workspace ${entry.package}`,
      `${name.toUpperCase().replace(/-/g, '_')}_PORT`,
      `(default ${entry.port})`,
      entry.urlVariable,
      `its own database, \`${entry.database}\``,
      `npm run kafka:credentials -- ${servicePrincipal(name)}`,
      `${servicePrincipal(name).toUpperCase().replace(/-/g, '_')}_KAFKA_PASSWORD`,
      `Owned by ${entry.owner}`,
    ])
      expect({ said, in: readme.includes(said) }).toEqual({ said, in: true });
  });
});
