import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { graphqlSchemaDir, subgraphRegistry } from '@klynge/schemas';
import { buildASTSchema, type GraphQLSchema, parse } from 'graphql';

/**
 * Breaking changes to Klynge's public schemas (each subgraph's SDL, and the supergraph as clients
 * see it), against the version on main. A break is allowed only when the committed changelog
 * schemas/breaking-changes.json declares it, with a reason.
 */
export const SCHEMAS: readonly string[] = [...subgraphRegistry().map((entry) => entry.name), 'supergraph'];
export type SchemaName = string;

export interface DeclaredBreak {
  readonly schema: SchemaName;
  /** The change as the check words it. */
  readonly change: string;
  readonly reason: string;
}

export interface BreakingChange {
  readonly schema: SchemaName;
  readonly change: string;
}

export const changelogFile = path.join(graphqlSchemaDir, 'breaking-changes.json');

function toSchema(name: SchemaName, sdl: string): GraphQLSchema {
  // The supergraph is compared as clients see it, without its federation machinery.
  if (name === 'supergraph') return Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
  return buildASTSchema(parse(sdl), { assumeValidSDL: true });
}

export async function breakingChanges(name: SchemaName, before: string, after: string): Promise<BreakingChange[]> {
  const changes = await diff(toSchema(name, before), toSchema(name, after));
  return changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .map((change) => ({ schema: name, change: change.message }));
}

export function undeclared(changes: readonly BreakingChange[], changelog: readonly DeclaredBreak[]): BreakingChange[] {
  return changes.filter((change) => !changelog.some((entry) => entry.schema === change.schema && entry.change === change.change));
}

/** The schemas' breaking changes since `base` (a git revision) that the changelog does not declare. */
export async function undeclaredBreaksSince(base: string): Promise<BreakingChange[]> {
  const changelog = JSON.parse(readFileSync(changelogFile, 'utf8')) as DeclaredBreak[];
  const found: BreakingChange[] = [];
  for (const name of SCHEMAS) {
    const file = path.join(graphqlSchemaDir, `${name}.graphql`);
    const before = committedVersion(base, file);
    // A schema new since base cannot break anyone yet.
    if (before !== undefined) found.push(...(await breakingChanges(name, before, readFileSync(file, 'utf8'))));
  }
  return undeclared(found, changelog);
}

/** The revision to compare with: SCHEMA_BASE_REF, else origin/main, else main. */
export function baseRevision(): string {
  const candidates = [process.env.SCHEMA_BASE_REF, 'origin/main', 'main'].filter((ref): ref is string => Boolean(ref));
  for (const ref of candidates) {
    try {
      git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
      return ref;
    } catch {
      // try the next
    }
  }
  throw new Error(`None of ${candidates.join(', ')} is a git revision here`);
}

function committedVersion(base: string, file: string): string | undefined {
  const relative = path.relative(git(['rev-parse', '--show-toplevel']).trim(), file);
  try {
    return git(['show', `${base}:${relative}`]);
  } catch {
    return undefined;
  }
}

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: graphqlSchemaDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}
