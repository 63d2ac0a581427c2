// npm run facts:import -- <folder>: writes data/ again from the register's CSV files in <folder>
// (clusters.csv and programme.csv, as in ../shared/data/nic-facts), without their quotes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readRegister, registerDataDir, registerFiles } from './register';

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: npm run facts:import -- <folder with clusters.csv and programme.csv>\n');
  process.exit(2);
}
const register = readRegister(path.resolve(folder));
for (const [file, contents] of Object.entries(registerFiles(register))) writeFileSync(path.join(registerDataDir, file), contents);
process.stdout.write(
  `${register.clusters.length} cluster facts and ${register.programme.length} programme facts written to ${registerDataDir}\n`,
);
