// Decorators below read metadata through the Reflect API at load time; see subgraph-schema.ts.
import 'reflect-metadata';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { BadUserInputError } from './errors';
import { isUuid } from './input-checks';

/** Relay-style page information of a connection. Every subgraph has it, so it is shareable. */
@Directive('@shareable')
@ObjectType({ description: 'Where a page of a list stands.' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionPage<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * The GraphQL connection type `<name>Connection` for `nodeType`: a page of it, with cursors and
 * the total count. Resolvers return a {@link ConnectionPage} (see {@link toPage}).
 *
 *   export const ClusterConnection = connectionOf(ClusterType, 'Cluster');
 *   @Query(() => ClusterConnection) clusters(...): Promise<ConnectionPage<ClusterType>>
 */
export function connectionOf<T extends object>(nodeType: new () => T, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType implements Edge<T> {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType implements ConnectionPage<T> {
    @Field(() => [EdgeType])
    edges!: Edge<T>[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many match, on every page.' })
    totalCount!: number;
  }
  return ConnectionType;
}

// Large enough for a dashboard to take every cluster at once; the gateway limits cost.
export const MAX_PAGE_SIZE = 1_000;

/** Checks a page size argument: 1 to 100. */
export function pageSize(first: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(field, `${field} must be from 1 to ${MAX_PAGE_SIZE}`);
  }
  return first;
}

/** An opaque cursor holding the sort key of a row. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** What each part of a cursor's sort key is: what it is compared with in SQL. */
export type CursorPart = 'text' | 'uuid' | 'date' | 'timestamp';

const CURSOR_PARTS: Readonly<Record<CursorPart, (value: unknown) => boolean>> = {
  text: (value) => typeof value === 'string' && value.length <= 1_000 && !value.includes('\u0000'),
  uuid: (value) => typeof value === 'string' && isUuid(value),
  date: (value) => typeof value === 'string' && isCalendarDate(value),
  timestamp: (value) =>
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    isCalendarDate(value.slice(0, 10)) &&
    !Number.isNaN(Date.parse(value)),
};

/**
 * The sort key in a cursor, each part of the kind `parts` says; BAD_USER_INPUT naming `field` if
 * it is not one of ours (a forged cursor never reaches SQL).
 */
export function decodeCursor(cursor: string, parts: readonly CursorPart[], field = 'after'): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === parts.length && parts.every((part, index) => CURSOR_PARTS[part](key[index]))) {
      return key as string[];
    }
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError(field, `${field} is not a cursor from this list`);
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/**
 * Builds a page from `rows` fetched with LIMIT first + 1 (the extra row tells whether there is
 * a next page).
 */
export function toPage<R, T>(
  rows: readonly R[],
  first: number,
  totalCount: number,
  node: (row: R) => T,
  sortKey: (row: R) => (string | number)[],
): ConnectionPage<T> {
  const pageRows = rows.slice(0, first);
  const edges = pageRows.map((row) => ({ cursor: encodeCursor(sortKey(row)), node: node(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
