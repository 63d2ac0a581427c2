import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { parse, validate } from 'graphql';
import { breakingChanges, type BreakingChange, changelogFile, type DeclaredBreak, undeclared } from './breaking-changes';
import { registeredOperations } from '@klynge/gateway/registered-operations';
import { defaultUrlOf, sdlFileOf, SUBGRAPHS, supergraphFile } from '@klynge/gateway/subgraphs';

/** What a candidate subgraph SDL would do to the graph, before anyone publishes it. */
export interface SchemaCheckReport {
  /** Composition's errors: the candidate and the other subgraphs do not make a supergraph. */
  readonly compositionErrors: readonly string[];
  /** Breaking changes to the subgraph's own SDL and to the supergraph as clients see it, not declared in the changelog. */
  readonly breakingChanges: readonly BreakingChange[];
  /** Registered client operations (schemas/operations) that the candidate supergraph would refuse. */
  readonly brokenOperations: readonly { readonly operation: string; readonly file: string; readonly errors: readonly string[] }[];
}

export const passes = (report: SchemaCheckReport) =>
  report.compositionErrors.length === 0 && report.breakingChanges.length === 0 && report.brokenOperations.length === 0;

/**
 * The check a partner runs before publishing a subgraph's SDL: compose it with the other
 * subgraphs' committed SDLs; compare the result with the committed supergraph and the subgraph's
 * committed SDL; and validate every registered client operation against it.
 */
export async function checkCandidate(subgraph: string, candidateSdl: string): Promise<SchemaCheckReport> {
  const registered = SUBGRAPHS.find((entry) => entry.name === subgraph);
  const others = SUBGRAPHS.filter((entry) => entry.name !== subgraph).map((entry) => ({
    name: entry.name,
    url: defaultUrlOf(entry),
    typeDefs: parse(readFileSync(sdlFileOf(entry.name), 'utf8')),
  }));
  let typeDefs;
  try {
    typeDefs = parse(candidateSdl);
  } catch (error) {
    return {
      compositionErrors: [`The SDL does not parse: ${error instanceof Error ? error.message : String(error)}`],
      breakingChanges: [],
      brokenOperations: [],
    };
  }
  const composed = composeServices([
    ...others,
    { name: subgraph, url: registered ? defaultUrlOf(registered) : 'http://localhost/graphql', typeDefs },
  ]);
  if (composed.errors)
    return { compositionErrors: composed.errors.map((error) => error.message), breakingChanges: [], brokenOperations: [] };

  const changelog = JSON.parse(readFileSync(changelogFile, 'utf8')) as DeclaredBreak[];
  const found = [
    ...(registered ? await breakingChanges(subgraph, readFileSync(sdlFileOf(subgraph), 'utf8'), candidateSdl) : []),
    ...(await breakingChanges('supergraph', readFileSync(supergraphFile, 'utf8'), composed.supergraphSdl)),
  ];
  const api = Supergraph.build(composed.supergraphSdl).apiSchema().toGraphQLJSSchema();
  const brokenOperations = registeredOperations()
    .map((operation) => ({
      operation: operation.name,
      file: operation.file,
      errors: validate(api, parse(operation.text)).map((error) => error.message),
    }))
    .filter((result) => result.errors.length > 0);
  return { compositionErrors: [], breakingChanges: undeclared(found, changelog), brokenOperations };
}

/** The report as a person reads it. */
export function describeReport(subgraph: string, report: SchemaCheckReport): string {
  if (passes(report)) return `The ${subgraph} SDL composes, breaks nothing declared or registered, and may be published.\n`;
  const lines: string[] = [];
  if (report.compositionErrors.length > 0)
    lines.push('It does not compose with the other subgraphs:', ...report.compositionErrors.map((error) => `  ${error}`));
  if (report.breakingChanges.length > 0) {
    lines.push(
      `Breaking changes not declared in ${changelogFile}:`,
      ...report.breakingChanges.map((change) => `  ${change.schema}: ${change.change}`),
    );
  }
  for (const broken of report.brokenOperations)
    lines.push(`Registered operation ${broken.operation} (${broken.file}) would break:`, ...broken.errors.map((error) => `  ${error}`));
  return `${lines.join('\n')}\n`;
}
