#!/usr/bin/env node
'use strict';
/**
 * Keeps package-lock.json acceptable to `npm ci`.
 *
 * The npm registry reachable from Klynge's machines serves only the platform packages for
 * this machine's platform: the optional native binaries for other systems (turbo, swc and jest's
 * resolver ship one package per OS and CPU) answer 404, so `npm install` leaves them out of the
 * lock file, and `npm ci` then refuses the lock file as out of sync. This adds an entry for each
 * missing optional dependency (version and the optional flag, as npm writes them); `npm ci` then
 * skips those it cannot install, as it does for any optional dependency.
 *
 * Runs as the root `postinstall`, so every `npm install` leaves a lock file `npm ci` accepts.
 * Idempotent: with nothing missing it leaves the file untouched.
 */
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', '..', 'package-lock.json');
if (!fs.existsSync(lockPath)) process.exit(0);
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages ?? {};

const added = [];
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    // npm looks for a dependency beside its dependent first, then up to the root.
    const candidates = [];
    for (let dir = location; ; dir = dir.replace(/\/?node_modules\/(@[^/]+\/)?[^/]+$/, '')) {
      candidates.push(`${dir ? `${dir}/` : ''}node_modules/${name}`);
      if (!dir.includes('node_modules')) break;
    }
    if (candidates.some((candidate) => candidate in packages)) continue;
    const at = `node_modules/${name}`;
    packages[at] = { version, ...(entry.dev ? { dev: true } : {}), optional: true };
    added.push(`${name}@${version}`);
  }
}

if (added.length > 0) {
  lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
  fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  process.stdout.write(`package-lock.json: recorded ${added.length} optional platform packages this registry does not serve\n`);
}
