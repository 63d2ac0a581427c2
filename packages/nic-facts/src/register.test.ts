import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { clusterFacts, programmeFacts, readRegister, registerDataDir, registerFiles } from './register';

/** The register as collected, where this checkout sits beside it (NIC_FACTS_DIR names another place). */
const registerDir = process.env.NIC_FACTS_DIR ?? path.resolve(__dirname, '../../../../shared/data/nic-facts');

describe('the sourced register Klynge carries', () => {
  // A clone on its own has no register beside it: data/ is then the register as last imported,
  // checked below as it is, and this test says it was skipped.
  (existsSync(registerDir) ? it : it.skip)('is the register as collected, without its quotes, where the register is at hand', () => {
    for (const [file, contents] of Object.entries(registerFiles(readRegister(registerDir)))) {
      expect({ file, contents: readFileSync(path.join(registerDataDir, file), 'utf8') }).toEqual({ file, contents });
    }
  });

  it('gives every fact a web page, and a year only as a year', () => {
    const facts = [...clusterFacts(), ...programmeFacts()];
    expect(clusterFacts()).toHaveLength(241);
    expect(programmeFacts()).toHaveLength(183);
    for (const fact of facts) {
      expect(fact.sourceUrl).toMatch(/^https?:\/\/\S+$/);
      for (const year of 'fromYear' in fact ? [fact.fromYear, fact.toYear] : [fact.year]) {
        if (year !== null) expect(year).toBeGreaterThanOrEqual(2002);
      }
    }
    // The quotes were for checking; Klynge carries the facts and their addresses only.
    expect(JSON.stringify(facts)).not.toMatch(/source_quote|"quote"/);
  });
});
