'use strict';
/**
 * Validates Kubernetes objects, a JSON array on stdin, against the OpenAPI schemas of the
 * Kubernetes version kubernetes-models is built from (5.1.0: v1.36.0); prints a JSON array of the
 * problems found, empty when every object is valid. A process of its own: kubernetes-models is
 * ESM only, which jest's module system does not load.
 *
 * Like the API server's own schema, these schemas do not refuse a field they do not know: the
 * tests read the fields that matter themselves.
 */

async function read(stream) {
  let text = '';
  for await (const chunk of stream) text += chunk;
  return text;
}

/** kubernetes-models/<group>/<version>/<Kind>, the core group's as kubernetes-models/v1/<Kind>. */
const modelOf = ({ apiVersion, kind }) => `kubernetes-models/${apiVersion}/${kind}`;

async function main() {
  const objects = JSON.parse(await read(process.stdin));
  const problems = [];
  for (const object of objects) {
    const name = `${object.kind}/${object.metadata && object.metadata.name}`;
    let Model;
    try {
      Model = (await import(modelOf(object)))[object.kind];
    } catch {
      problems.push(`${name}: no schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      problems.push(`${name}: ${error.message}`);
    }
  }
  process.stdout.write(JSON.stringify(problems));
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
