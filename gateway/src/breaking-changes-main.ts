// npm run schema:check: fails on a breaking schema change since main that breaking-changes.json does not declare.
import { baseRevision, changelogFile, undeclaredBreaksSince } from './breaking-changes';

const base = baseRevision();
void undeclaredBreaksSince(base).then((breaks) => {
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
});
