import { readFileSync } from 'node:fs';
import path from 'node:path';
import { subgraphRegistry, subgraphRegistryFile } from '@klynge/schemas';
import Ajv2020 from 'ajv/dist/2020';
import { loadSubgraphs } from './index';

const repoRoot = path.join(__dirname, '..', '..', '..');

describe('the subgraph registry', () => {
  it('follows its schema, with no name, port, database or variable twice', () => {
    const schema = JSON.parse(readFileSync(path.join(path.dirname(subgraphRegistryFile), 'subgraphs.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    const registry = subgraphRegistry();
    expect(validate(registry) ? [] : validate.errors).toEqual([]);
    for (const field of ['name', 'package', 'directory', 'port', 'urlVariable', 'secretVariable', 'database'] as const) {
      const values = registry.map((entry) => entry[field]);
      expect({ field, duplicates: values.filter((value, index) => values.indexOf(value) !== index) }).toEqual({ field, duplicates: [] });
    }
  });

  it("says what each subgraph holds, not the generator's placeholder", () => {
    // subgraph:new writes a placeholder when it is given no --description; the registry is where
    // people read what a subgraph is, so a placeholder left behind is a defect.
    const placeholders = subgraphRegistry().filter((entry) => /^To be filled in|^The \S+ subgraph, owned by /.test(entry.description));
    expect(placeholders.map((entry) => entry.name)).toEqual([]);
  });

  it('names, for each subgraph, a workspace that plugs in under that name', () => {
    const subgraphs = loadSubgraphs();
    expect(subgraphs.map((subgraph) => subgraph.name)).toEqual(subgraphRegistry().map((entry) => entry.name));
    for (const entry of subgraphRegistry()) {
      const manifest = JSON.parse(readFileSync(path.join(repoRoot, entry.directory, 'package.json'), 'utf8')) as { name: string };
      expect(manifest.name).toBe(entry.package);
    }
  });

  it('is what this package depends on (npm run subgraph:new keeps both in step)', () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const subgraphPackages = Object.keys(manifest.dependencies).filter(
      (name) => !['@klynge/broker-kafka', '@klynge/contracts', '@klynge/platform', '@klynge/schemas'].includes(name),
    );
    expect(subgraphPackages.sort()).toEqual(
      subgraphRegistry()
        .map((entry) => entry.package)
        .sort(),
    );
  });
});
