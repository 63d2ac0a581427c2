// Decorators below read metadata through the Reflect API at load time; see subgraph-schema.ts.
import 'reflect-metadata';
import { ArgsType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { BadUserInputError } from './errors';
import { isUuid } from './input-checks';

/**
 * Relay-style page information of a connection (the Relay Cursor Connections spec, forward
 * pagination with `first` and `after`). Every subgraph has it, so it is shareable.
 */
@Directive('@shareable')
@ObjectType({ description: 'Where a page of a list stands (Relay cursor connections, paged forward with `first` and `after`).' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page: ask for them with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field({
    description:
      'True when items come before this page: the page was asked for with an `after` cursor and at least one item that matches comes at or before that cursor. Always false for the first page.',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The cursor of this page's first item; null when the page is empty." })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Pass as `after` for the next page: the cursor of this page's last item; null when the page is empty.",
  })
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
 * the total count. Resolvers return a {@link ConnectionPage} (see {@link toPage}). `plural` names
 * the items in the SDL's descriptions ("A page of clusters").
 *
 *   export const ClusterConnection = connectionOf(ClusterType, 'Cluster', 'clusters');
 *   @Query(() => ClusterConnection) clusters(...): Promise<ConnectionPage<ClusterType>>
 */
export function connectionOf<T extends object>(nodeType: new () => T, name: string, plural: string) {
  @ObjectType(`${name}Edge`, { description: `One of a page of ${plural}, with its cursor.` })
  class EdgeType implements Edge<T> {
    @Field({ description: 'Where this item stands in the list: pass it as `after` for the items that follow it. Opaque.' })
    cursor!: string;

    @Field(() => nodeType, { description: 'The item.' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `A page of ${plural} (a Relay cursor connection): at most ${MAX_PAGE_SIZE} a page, the next page by \`after: pageInfo.endCursor\`.`,
  })
  class ConnectionType implements ConnectionPage<T> {
    @Field(() => [EdgeType], { description: 'The items of this page, in the order of the list, each with its cursor.' })
    edges!: Edge<T>[];

    @Field(() => PageInfo, { description: 'Whether there are pages before and after this one, and the cursors to page on.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many match, on every page.' })
    totalCount!: number;
  }
  return ConnectionType;
}

// Large enough for a dashboard to take every cluster at once; the gateway limits cost.
export const MAX_PAGE_SIZE = 1_000;

/** The descriptions of the paging arguments every connection field takes (`first`, `after`). */
export const PAGE_ARGUMENTS = {
  first: `How many items a page holds: 1 to ${MAX_PAGE_SIZE}.`,
  after: 'The `pageInfo.endCursor` of the page before: the page then starts with the item after it. Leave out for the first page.',
} as const;

/**
 * The paging arguments of a connection field, `first` and `after`, for `@Args() page: PageArgs`.
 * `first` is checked where the page is read ({@link pageSize}, as keysetPage does), so
 * a size out of range is BAD_USER_INPUT naming `first` wherever the page comes from.
 */
@ArgsType()
export class PageArgs {
  // `after` comes first: the schema has always printed the two in this order (type-graphql lists
  // `@Arg`s last to first), and declaring it so keeps the public SDL as it was.
  @Field(() => String, { nullable: true, description: PAGE_ARGUMENTS.after })
  after?: string;

  @Field(() => Int, { defaultValue: 20, description: PAGE_ARGUMENTS.first })
  first!: number;
}

/** Checks a page size argument: 1 to MAX_PAGE_SIZE. */
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
export type CursorPart = 'text' | 'uuid' | 'date' | 'timestamp' | 'year';

const CURSOR_PARTS: Readonly<Record<CursorPart, (value: unknown) => boolean>> = {
  text: (value) => typeof value === 'string' && value.length <= 1_000 && !value.includes('\u0000'),
  uuid: (value) => typeof value === 'string' && isUuid(value),
  date: (value) => typeof value === 'string' && isCalendarDate(value),
  timestamp: (value) =>
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    isCalendarDate(value.slice(0, 10)) &&
    !Number.isNaN(Date.parse(value)),
  // A year as its cursor holds it: four digits in a string.
  year: (value) => typeof value === 'string' && /^\d{4}$/.test(value),
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
 * a next page). `preceding` is how many rows that match the list's filter come at or before the
 * `after` cursor in the list's order (0 without a cursor): counted beside `totalCount`, it tells
 * whether there is a previous page. A cursor whose own row has gone still has a previous page
 * when rows that match come before where it stood.
 */
export function toPage<R, T>(
  rows: readonly R[],
  first: number,
  totalCount: number,
  node: (row: R) => T,
  sortKey: (row: R) => (string | number)[],
  preceding: number,
): ConnectionPage<T> {
  const pageRows = rows.slice(0, first);
  const edges = pageRows.map((row) => ({ cursor: encodeCursor(sortKey(row)), node: node(row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: preceding > 0,
      startCursor: edges.at(0)?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
