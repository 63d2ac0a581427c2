import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { operationsDir } from '@klynge/schemas';
import { Kind, parse } from 'graphql';

/** One registered client operation: its name, and the file it is in (schemas/operations/). */
export interface RegisteredOperation {
  readonly name: string;
  readonly file: string;
  readonly text: string;
}

/** Every operation under schemas/operations/, each of which must be named, and once only. */
export function registeredOperations(directory: string = operationsDir): RegisteredOperation[] {
  const operations: RegisteredOperation[] = [];
  for (const file of readdirSync(directory)
    .filter((name) => name.endsWith('.graphql'))
    .sort()) {
    const text = readFileSync(path.join(directory, file), 'utf8');
    for (const definition of parse(text).definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const name = definition.name?.value;
      if (!name) throw new Error(`${file}: every registered operation needs a name`);
      if (operations.some((operation) => operation.name === name)) throw new Error(`${file}: operation ${name} is registered twice`);
      operations.push({ name, file, text });
    }
  }
  return operations;
}

/** A registered operation by name; throws when there is none. */
export function registeredOperation(name: string): RegisteredOperation {
  const found = registeredOperations().find((operation) => operation.name === name);
  if (!found) throw new Error(`No operation ${name} is registered under schemas/operations`);
  return found;
}
