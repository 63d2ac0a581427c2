#!/usr/bin/env node
'use strict';
/**
 * Prints the shell command that starts a workspace package as `npm start --workspace <package>`
 * starts it: the package's `start` script, run in its folder with its own and the root's
 * node_modules/.bin on PATH. The Dockerfile writes it to /repo/start.sh when it builds the image,
 * and the image runs that instead of npm, for two reasons: npm writes its log and cache under the
 * home folder, which a read-only root filesystem refuses (the Kubernetes manifests mount the root
 * filesystem read-only), and npm would stay running beside the service for nothing. `exec` makes
 * the service the process that gets the container's signals (SIGTERM: a graceful shutdown).
 *
 *   node infra/docker/start-command.cjs @klynge/clusters   (from the repository root)
 */
const fs = require('node:fs');
const path = require('node:path');

const [name] = process.argv.slice(2);
if (!name) {
  process.stderr.write('Usage: start-command.cjs <workspace package>\n');
  process.exit(2);
}
const root = process.cwd();
// npm links every workspace into node_modules under its name; the link leads to its folder.
const linked = path.join(root, 'node_modules', name);
if (!fs.existsSync(linked)) {
  process.stderr.write(`${name} is not a workspace here (no ${linked})\n`);
  process.exit(2);
}
const directory = path.relative(root, fs.realpathSync(linked));
const start = JSON.parse(fs.readFileSync(path.join(directory, 'package.json'), 'utf8')).scripts?.start;
if (!start) {
  process.stderr.write(`${name} has no start script\n`);
  process.exit(2);
}
process.stdout.write(`cd ${directory} && PATH="$PWD/node_modules/.bin:${root}/node_modules/.bin:$PATH" exec ${start}\n`);
