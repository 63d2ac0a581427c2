// npm run schema:check                                       breaking schema changes since main, not declared; event schema breaks
// npm run schema:check -- --subgraph <name> --sdl <file>     what a candidate subgraph SDL would do, before publishing it
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { baseRevision, changelogFile, undeclaredBreaksSince } from './breaking-changes';
import { eventSchemaBreaksSince } from './event-compatibility';
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
  const eventBreaks = eventSchemaBreaksSince(base);
  if (breaks.length === 0) {
    process.stdout.write(`No undeclared breaking schema changes since ${base}\n`);
  } else {
    process.stderr.write(
      `Breaking schema changes since ${base}, not declared in ${changelogFile}:\n` +
        breaks.map((entry) => `  ${entry.schema}: ${entry.change}`).join('\n') +
        '\nDeclare each intended one there ({ "schema", "change", "reason" }), or undo it.\n',
    );
    process.exitCode = 1;
  }
  if (eventBreaks.length === 0) {
    process.stdout.write(`No breaking event schema changes since ${base}\n`);
  } else {
    process.stderr.write(
      `Event schema changes since ${base} that could break consumers:\n` +
        eventBreaks.map((entry) => `  ${entry.schema}: ${entry.change}`).join('\n') +
        '\nUndo them, or publish the change as a new major version (a new topic, ...v2) and keep the old one as it was.\n',
    );
    process.exitCode = 1;
  }
}

void main();
