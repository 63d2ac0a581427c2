import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The name a process's traces carry: the package a file (or folder) belongs to, without its scope
 * (`@klynge/clusters` -> `clusters`), from the nearest package.json with a name; "klynge" if none.
 * Loads nothing of OpenTelemetry, so an entry point may ask before `@klynge/telemetry/register`.
 */
export function serviceNameAt(location: string): string {
  const start = existsSync(location) && statSync(location).isDirectory() ? location : path.dirname(location);
  for (let directory = start; ; directory = path.dirname(directory)) {
    const manifest = path.join(directory, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name) return name.replace(/^@[^/]+\//, '');
    }
    if (path.dirname(directory) === directory) return 'klynge';
  }
}
