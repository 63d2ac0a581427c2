// npm run schema:check                                       breaking schema changes since main, not declared
// npm run schema:check -- --subgraph <name> --sdl <file>     what a candidate subgraph SDL would do, before publishing it
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { baseRevision, changelogFile, undeclaredBreaksSince } from './breaking-changes';
import { checkCandidate, describeReport, passes } from './schema-check';

const { values } = parseArgs({ options: { subgraph: { type: 'string' }, sdl: { type: 'string' } } });

async function main(): Promise<void> {
  if (values.subgraph !== undefined || values.sdl !== undefined) {
    if (!values.subgraph || !values.sdl) {
      process.stderr.write('Usage: npm run schema:check -- --subgraph <name> --sdl <file>\n');
      process.exitCode = 2;
      return;
    }
    const report = await checkCandidate(values.subgraph, readFileSync(values.sdl, 'utf8'));
    (passes(report) ? process.stdout : process.stderr).write(describeReport(values.subgraph, report));
    if (!passes(report)) process.exitCode = 1;
    return;
  }
  const base = baseRevision();
  const breaks = await undeclaredBreaksSince(base);
  if (breaks.length === 0) {
    process.stdout.write(`No undeclared breaking schema changes since ${base}\n`);
    return;
  }
  process.stderr.write(
    `Breaking schema changes since ${base}, not declared in ${changelogFile}:\n` +
      breaks.map((entry) => `  ${entry.schema}: ${entry.change}`).join('\n') +
      '\nDeclare each intended one there ({ "schema", "change", "reason" }), or undo it.\n',
  );
  process.exitCode = 1;
}

void main();
