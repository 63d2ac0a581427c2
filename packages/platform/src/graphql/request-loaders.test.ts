import { randomUUID } from 'node:crypto';
import { RequestLoaders } from './request-loaders';

describe('RequestLoaders.byUuid', () => {
  it('fetches every id asked in one tick with one call, in the order asked, and never hands on what is not a UUID', async () => {
    const loaders = new RequestLoaders();
    const [a, b, unknown] = [randomUUID(), randomUUID(), randomUUID()];
    const calls: string[][] = [];
    const rowsOf = (uuids: string[]) => {
      calls.push(uuids);
      // Rows come back in the database's order, not the ids'.
      return Promise.resolve([b, a].filter((id) => uuids.includes(id)).map((id) => ({ id, name: `row ${id}` })));
    };

    const found = await Promise.all([a, "1' OR '1'='1", b, unknown].map((id) => loaders.byUuid('rows.byId', id, rowsOf)));

    expect(found).toEqual([{ id: a, name: `row ${a}` }, null, { id: b, name: `row ${b}` }, null]);
    expect(calls).toEqual([[a, b, unknown]]);
  });
});
