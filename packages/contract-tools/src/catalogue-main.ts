// npm run catalogue: writes schemas/asyncapi.yaml, the catalogue of every Klynge topic, from the event contracts.
import { writeFileSync } from 'node:fs';
import { asyncApiFile, asyncApiYaml } from './catalogue/asyncapi';

writeFileSync(asyncApiFile, asyncApiYaml());
process.stdout.write(`wrote ${asyncApiFile}\n`);
