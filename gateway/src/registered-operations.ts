import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { operationsDir } from '@klynge/schemas';
import { Kind, parse } from 'graphql';

/** One registered client operation: its name, the document it is sent in, and that document's hash. */
export interface RegisteredOperation {
  readonly name: string;
  /** The file it is registered in (schemas/operations/). */
  readonly file: string;
  /** The whole document a client sends (a `.graphql` file, or one entry of a manifest). */
  readonly text: string;
  /** The SHA-256 of `text`, in hex: what a client sends instead of the document (`extensions.persistedQuery.sha256Hash`). */
  readonly hash: string;
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * A manifest of persisted operations, as GraphQL Code Generator's client preset writes it
 * (`persisted-documents.json`): `"sha256:<hex>"` (or `<hex>`) -> document.
 */
const MANIFEST = /\.persisted\.json$/;
const HASH_KEY = /^(?:sha256:)?([0-9a-f]{64})$/;

/**
 * Every operation under schemas/operations/: each `.graphql` file is a document, and each
 * `*.persisted.json` manifest (an app's operations, written by its codegen) a list of documents.
 * Every operation is named, and once only; a manifest's hash must be its document's.
 */
export function registeredOperations(directory: string = operationsDir): RegisteredOperation[] {
  const operations: RegisteredOperation[] = [];
  const register = (file: string, text: string) => {
    const hash = sha256(text);
    for (const definition of parse(text).definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const name = definition.name?.value;
      if (!name) throw new Error(`${file}: every registered operation needs a name`);
      if (operations.some((operation) => operation.name === name)) throw new Error(`${file}: operation ${name} is registered twice`);
      operations.push({ name, file, text, hash });
    }
  };
  for (const file of readdirSync(directory).sort()) {
    const contents = readFileSync(path.join(directory, file), 'utf8');
    if (file.endsWith('.graphql')) register(file, contents);
    if (!MANIFEST.test(file)) continue;
    for (const [key, document] of Object.entries(JSON.parse(contents) as Record<string, string>)) {
      const hash = HASH_KEY.exec(key)?.[1];
      if (!hash || hash !== sha256(document)) throw new Error(`${file}: ${key} is not the SHA-256 of its document`);
      register(file, document);
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

/** The registered documents by hash: what a caller may send by hash alone. */
export const registeredDocuments = (operations: readonly RegisteredOperation[] = registeredOperations()): ReadonlyMap<string, string> =>
  new Map(operations.map((operation) => [operation.hash, operation.text]));
