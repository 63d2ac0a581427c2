import { SqlConditions } from '../database/sql-conditions';
import { Keyset } from './keyset-page';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageSize, toPage } from './pagination';

/** Rows as a list's query returns them: LIMIT first + 1, sorted by name. */
const rows = (...names: string[]) => names.map((name) => ({ name }));
const page = (fetched: { name: string }[], first: number, total: number, preceding: number) =>
  toPage(
    fetched,
    first,
    total,
    (row) => row.name,
    (row) => [row.name],
    preceding,
  );

describe('toPage', () => {
  it('on the first page: a next page when the extra row came, no previous one, cursors of its first and last item', () => {
    const first = page(rows('a', 'b', 'c'), 2, 5, 0);
    expect(first.edges.map((edge) => edge.node)).toEqual(['a', 'b']);
    expect(first.totalCount).toBe(5);
    expect(first.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor(['a']),
      endCursor: encodeCursor(['b']),
    });
  });

  it('after a cursor with rows at or before it: a previous page; on the last page no next one', () => {
    const last = page(rows('e'), 2, 5, 4);
    expect(last.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: encodeCursor(['e']),
      endCursor: encodeCursor(['e']),
    });
  });

  it('after a cursor that nothing that matches comes at or before (its row gone, or filtered out): no previous page', () => {
    expect(page(rows('a', 'b'), 2, 2, 0).pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('past the end: an empty page, with a previous page and no cursors', () => {
    expect(page([], 2, 5, 5)).toEqual({
      edges: [],
      totalCount: 5,
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });

  it("each edge's cursor decodes to its row's sort key, so a page can start after any item", () => {
    const { edges } = page(rows('a', 'b'), 2, 2, 0);
    expect(edges.map((edge) => decodeCursor(edge.cursor, ['text']))).toEqual([['a'], ['b']]);
  });
});

describe('pageSize', () => {
  it(`takes 1 to ${MAX_PAGE_SIZE}, and refuses anything else as BAD_USER_INPUT`, () => {
    expect(pageSize(1)).toBe(1);
    expect(pageSize(MAX_PAGE_SIZE)).toBe(MAX_PAGE_SIZE);
    const code = (first: number) => {
      try {
        return pageSize(first);
      } catch (error) {
        return (error as { extensions?: { code?: string } }).extensions?.code;
      }
    };
    expect([0, -1, MAX_PAGE_SIZE + 1, 1.5].map(code)).toEqual(Array(4).fill('BAD_USER_INPUT'));
  });
});

describe('SqlConditions.copy', () => {
  it("gives a count its own parameters, leaving the page's query as it was", () => {
    const conditions = new SqlConditions().add('p.code = ?', 'NIC');
    const counts = conditions.copy();
    const preceding = `count(*) FILTER (WHERE (p.day, p.id) >= (${counts.param('2017-11-01')}, ${counts.param('id-1')}))`;
    conditions.add('(p.day, p.id) < (?, ?)', '2017-11-01', 'id-1');

    expect(`${preceding} ${counts.where}`).toBe('count(*) FILTER (WHERE (p.day, p.id) >= ($2, $3)) WHERE p.code = $1');
    expect(counts.params).toEqual(['NIC', '2017-11-01', 'id-1']);
    expect(conditions.where).toBe('WHERE p.code = $1 AND (p.day, p.id) < ($2, $3)');
    expect(conditions.params).toEqual(['NIC', '2017-11-01', 'id-1']);
  });
});

describe('Keyset', () => {
  const order = Keyset.descending(['p.start_year', 'year'], ['p.id', 'uuid']);
  const id = '0b6f7a52-5f9e-4d0c-9a0e-3f2b1c4d5e6f';

  it('writes the ORDER BY, "after the cursor" and "at or before it" from one list of columns, each value cast to its column', () => {
    const sql = new SqlConditions().add('p.phase = ?', 'ACTIVE');
    const cursor = order.decode(encodeCursor(['2019', id]))!;
    expect(order.orderBy).toBe('p.start_year DESC, p.id DESC');
    expect(order.after(sql, cursor)).toBe('(p.start_year, p.id) < ($2::int, $3::uuid)');
    expect(order.atOrBefore(sql, cursor)).toBe('(p.start_year, p.id) >= ($4::int, $5::uuid)');
    expect(sql.params).toEqual(['ACTIVE', '2019', id, '2019', id]);
  });

  it('turns a cursor of another list (here a year that is not four digits) away as BAD_USER_INPUT, and no cursor into none', () => {
    expect(order.decode(undefined)).toBeUndefined();
    expect(() => order.decode(encodeCursor(['19', id]))).toThrow('after is not a cursor from this list');
  });
});
