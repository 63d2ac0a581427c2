import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Tracing names a process by the package of its entry file, which here is the runner's: this names
 * it by the service's package instead (`@klynge/clusters` -> `clusters`), unless OTEL_SERVICE_NAME
 * says otherwise. Imported before `@klynge/telemetry/register`, which reads it.
 */
const where = path.resolve(process.argv[2] ?? '.');
for (
  let directory = existsSync(where) && statSync(where).isDirectory() ? where : path.dirname(where);
  ;
  directory = path.dirname(directory)
) {
  const manifest = path.join(directory, 'package.json');
  if (existsSync(manifest)) {
    const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
    if (name) {
      process.env.OTEL_SERVICE_NAME ??= name.replace(/^@[^/]+\//, '');
      break;
    }
  }
  if (path.dirname(directory) === directory) break;
}
