// npm run seed: each registered subgraph's demo data into its database on a PostgreSQL server,
// through its own seed command. <NAME>_DATABASE_URL points one elsewhere (CLUSTERS_DATABASE_URL, ...);
// the default is its database on the local server.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { subgraphRegistry } from '@klynge/schemas';
import { repoRoot } from './config';

for (const entry of subgraphRegistry()) {
  const variable = `${entry.name.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`;
  const databaseUrl = process.env[variable] ?? `postgresql://postgres@127.0.0.1:5432/${entry.database}`;
  const { status } = spawnSync(process.execPath, [path.join(repoRoot, entry.directory, 'dist', 'index.js'), 'seed'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'inherit',
  });
  if (status !== 0) {
    process.stderr.write(`The ${entry.name} seed failed (exit code ${status})\n`);
    process.exit(status ?? 1);
  }
}
