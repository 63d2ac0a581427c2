import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventTypes, runSubgraphCommand, type ServiceUnderTest } from '@klynge/subgraph-under-test';
import { waitFor } from '@klynge/test-infrastructure';
import { csv, projectRow, startResearch } from '../../test-support/research-under-test';

/** `npm run import` as the service's process runs it. */
const runImport = (research: ServiceUnderTest, args: string[]) =>
  runSubgraphCommand(research, path.join(__dirname, '..', '..', 'subgraph.ts'), ['import', ...args]);

describe('npm run import (the research service command)', () => {
  let research: ServiceUnderTest;
  let dir: string;

  beforeAll(async () => {
    research = await startResearch('research_import_command');
    dir = mkdtempSync(path.join(tmpdir(), 'research-import-'));
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await research?.close();
  });

  it("loads a file into the service's database, its events going out through the running service", async () => {
    const events = await research.readTopic('research.project.v1');
    const file = path.join(dir, 'projects.csv');
    writeFileSync(file, csv(projectRow({ number: '310001', owner: '123456785' }), projectRow({ number: '310002', owner: '987654325' })));
    const run = await runImport(research, [file]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 0,
      stdout: `Imported ${file}: 2 new, 0 updated, 0 completed, 0 unchanged\n`,
      stderr: '',
    });
    const ids = await research.db.query<{ id: string }>('SELECT id FROM research_projects ORDER BY project_number');
    await waitFor('both events on the topic', () => ids.every(({ id }) => eventTypes(events, id).length === 1));
  });

  it('reports each problem by line and column, exits 1 and writes nothing; a missing file exits 2', async () => {
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, csv(projectRow({ number: '310003', owner: '123456785' }), projectRow({ number: '31000', owner: '123456789' })));
    const run = await runImport(research, [file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file} was not imported (nothing was written): 2 problems`);
    expect(run.stderr).toContain('line 3, prosjektnummer: prosjektnummer must be six digits');
    expect(run.stderr).toContain('line 3, organisasjonsnummer: organisasjonsnummer must be a valid organisation number');
    expect(
      (await research.db.query<{ n: number }>("SELECT count(*)::int AS n FROM research_projects WHERE project_number = '310003'"))[0]!.n,
    ).toBe(0);
    const missing = await runImport(research, [path.join(dir, 'nothing-here.csv')]);
    expect({ code: missing.code, stderr: missing.stderr }).toEqual({
      code: 2,
      stderr: `Cannot read ${path.join(dir, 'nothing-here.csv')}: ENOENT\n`,
    });
  });
});
