import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { defaultUrlOf, sdlFileOf, SUBGRAPHS } from '@klynge/gateway/subgraphs';

export interface Composition {
  readonly supergraphSdl: string;
  /** Composition hints as `CODE: message`. */
  readonly hints: readonly string[];
}

/** The hints a person has read and accepted (packages/contract-tools/composition-hints.json). */
export const acceptedHints: readonly string[] = JSON.parse(
  readFileSync(path.join(__dirname, '..', 'composition-hints.json'), 'utf8'),
) as string[];

/**
 * Composes the supergraph from the committed subgraph SDLs, ahead of time: the gateway serves
 * the result as it is, never introspecting subgraphs at run time. The subgraph URLs written into
 * it are the development defaults; the gateway's configuration decides where it really sends.
 */
export function composeSupergraph(): Composition {
  const result = composeServices(
    SUBGRAPHS.map((entry) => ({
      name: entry.name,
      url: defaultUrlOf(entry),
      typeDefs: parse(readFileSync(sdlFileOf(entry.name), 'utf8')),
    })),
  );
  if (result.errors) {
    throw new Error(`The subgraphs do not compose:\n${result.errors.map((error) => `  ${error.message}`).join('\n')}`);
  }
  return {
    supergraphSdl: `${result.supergraphSdl.trim()}\n`,
    hints: result.hints.map((hint) => `${hint.definition.code}: ${hint.message}`),
  };
}

/** Hints composition gave that nobody has accepted yet. */
export function unacceptedHints(composition: Composition): string[] {
  return composition.hints.filter((hint) => !acceptedHints.includes(hint));
}
