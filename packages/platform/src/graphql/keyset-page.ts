import type { DataSource } from 'typeorm';
import type { SqlConditions } from '../database/sql-conditions';
import { type ConnectionPage, type CursorPart, decodeCursor, pageSize, toPage } from './pagination';

/** What each kind of cursor part is cast to beside its column, so PostgreSQL compares like with like. */
const SQL_TYPE_OF: Readonly<Record<CursorPart, string>> = {
  text: 'text',
  uuid: 'uuid',
  date: 'date',
  timestamp: 'timestamptz',
  year: 'int',
};

/**
 * The order of a list, written once: the columns of its sort key (the last one unique, so the
 * order is total), the kind of each (what its cursor part holds) and which way it runs. From it
 * come the ORDER BY, the condition for "after the cursor" and the count of what comes at or
 * before the cursor, so the three cannot disagree.
 */
export class Keyset {
  /** A list ordered by `columns` ascending, the first column first; the last must make the order total (an id). */
  static ascending(...columns: readonly (readonly [column: string, part: CursorPart])[]): Keyset {
    return new Keyset(columns, 'ASC');
  }

  /** A list ordered by `columns` descending (the latest first, say). */
  static descending(...columns: readonly (readonly [column: string, part: CursorPart])[]): Keyset {
    return new Keyset(columns, 'DESC');
  }

  private constructor(
    private readonly columns: readonly (readonly [column: string, part: CursorPart])[],
    private readonly direction: 'ASC' | 'DESC',
  ) {}

  /** The cursor's sort key; BAD_USER_INPUT on `after` when it is not one of this list's. */
  decode(after: string | undefined): string[] | undefined {
    return after
      ? decodeCursor(
          after,
          this.columns.map(([, part]) => part),
        )
      : undefined;
  }

  /** `a DESC, b DESC`. */
  get orderBy(): string {
    return this.columns.map(([column]) => `${column} ${this.direction}`).join(', ');
  }

  /** The condition for the rows after `cursor` in this order, its values as parameters of `sql`. */
  after(sql: SqlConditions, cursor: readonly string[]): string {
    return this.compare(sql, cursor, this.direction === 'ASC' ? '>' : '<');
  }

  /** The condition for the rows at or before `cursor` in this order (those of a previous page). */
  atOrBefore(sql: SqlConditions, cursor: readonly string[]): string {
    return this.compare(sql, cursor, this.direction === 'ASC' ? '<=' : '>=');
  }

  private compare(sql: SqlConditions, cursor: readonly string[], operator: string): string {
    const values = this.columns.map(([, part], index) => `${sql.param(cursor[index])}::${SQL_TYPE_OF[part]}`);
    return `(${this.columns.map(([column]) => column).join(', ')}) ${operator} (${values.join(', ')})`;
  }
}

/** A list read a page at a time by {@link keysetPage}. */
export interface KeysetList<R> {
  /** What the list reads, as after FROM: `grants g JOIN funding_programmes p ON p.code = g.programme_code`. */
  from: string;
  /** The list's filter (left as it is: the cursor's condition goes on copies). */
  where: SqlConditions;
  order: Keyset;
  first: number;
  after: string | undefined;
  /**
   * Reads the page's rows: `SELECT … FROM <from> ${tail}`, where `tail` is the WHERE, ORDER BY
   * and LIMIT that keysetPage wrote and `params` their values.
   */
  rows: (tail: string, params: unknown[]) => Promise<R[]>;
  /** The row's values of the order's columns, as its cursor holds them. */
  sortKey: (row: R) => (string | number)[];
}

/**
 * One page of a list in keyset (cursor) order: the rows after the `after` cursor, at most
 * `first` (1 to MAX_PAGE_SIZE, else BAD_USER_INPUT), with the list's total count and whether
 * pages come before and after. Two queries: one count of the whole list and of what comes at or
 * before the cursor, and the page itself, LIMIT first + 1 (the extra row says a next page follows).
 */
export async function keysetPage<R>(dataSource: Pick<DataSource, 'query'>, list: KeysetList<R>): Promise<ConnectionPage<R>> {
  const limit = pageSize(list.first);
  const cursor = list.order.decode(list.after);
  const counts = list.where.copy();
  const preceding = cursor ? `count(*) FILTER (WHERE ${list.order.atOrBefore(counts, cursor)})` : '0';
  const [count] = await dataSource.query<[{ total: number; preceding: number }]>(
    `SELECT count(*)::int AS total, ${preceding}::int AS preceding FROM ${list.from} ${counts.where}`,
    counts.params,
  );
  const page = list.where.copy();
  if (cursor) page.add(list.order.after(page, cursor));
  const rows = await list.rows(`${page.where} ORDER BY ${list.order.orderBy} LIMIT ${page.param(limit + 1)}`, page.params);
  return toPage(rows, limit, count.total, (row) => row, list.sortKey, count.preceding);
}
