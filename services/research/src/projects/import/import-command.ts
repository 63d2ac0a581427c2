import { readFile } from 'node:fs/promises';
import type { Caller, SubgraphCommand } from '@klynge/platform';
import { ImportRejectedError, ProjectImportService } from './project-import.service';

/** Whoever runs the command on the service's own database acts for Forskningsrådet. */
const OPERATOR: Caller = { subject: 'import-command', roles: ['admin'] };

/**
 * `npm run import --workspace @klynge/research -- <file.csv>`: loads a Prosjektbanken export
 * into DATABASE_URL, all or nothing, and prints what it did or each problem by line and column.
 * Its events go out through the outbox when the service runs.
 */
export const importCommand: SubgraphCommand = {
  description: "Imports research projects from a CSV file in Prosjektbanken's export layout",
  async run(args, { unitOfWork }) {
    const [file] = args;
    if (!file) {
      process.stderr.write('Usage: npm run import --workspace @klynge/research -- <file.csv>\n');
      return 2;
    }
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      process.stderr.write(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return 2;
    }
    try {
      const report = await new ProjectImportService(unitOfWork).importCsv(text, () => OPERATOR);
      process.stdout.write(
        `Imported ${file}: ${report.granted} new, ${report.updated} updated, ${report.completed} completed, ${report.unchanged} unchanged\n`,
      );
      return 0;
    } catch (error) {
      if (!(error instanceof ImportRejectedError)) throw error;
      process.stderr.write(
        `${file} was not imported (nothing was written): ${error.rows.length} problem${error.rows.length === 1 ? '' : 's'}\n`,
      );
      for (const row of error.rows) process.stderr.write(`  line ${row.line}${row.column ? `, ${row.column}` : ''}: ${row.message}\n`);
      return 1;
    }
  },
};
