import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { admin, type ClustersUnderTest, REGISTER, registration, startClusters } from './test-support/clusters-under-test';

const ORG_NUMBERS = ['123456785', '987654325', '111111111', '222222222', '333333333'];

/**
 * The gateway resolves Cluster and Organization references through `_entities`. However many it
 * sends, each entity type costs one SQL query (and each batched field one more).
 */
describe('entity references from the gateway', () => {
  let clusters: ClustersUnderTest;
  const clusterIds: string[] = [];

  beforeAll(async () => {
    clusters = await startClusters('federation');
    for (let index = 0; index < 12; index += 1) {
      const { data } = await clusters.query<{ registerCluster: { id: string } }>(
        REGISTER,
        { input: registration({ name: `Cluster ${String(index).padStart(2, '0')}` }) },
        admin,
      );
      clusterIds.push(data!.registerCluster.id);
    }
    for (const orgNumber of ORG_NUMBERS) {
      await clusters.query(
        `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { orgNumber } }`,
        {
          input: { orgNumber, name: `Org ${orgNumber}`, kind: 'COMPANY', employees: 10 },
        },
        admin,
      );
    }
  });

  afterAll(async () => {
    await clusters?.close();
  });

  const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on Cluster { id name levelHistory { level } memberStats { memberCount } }
    ... on Organization { orgNumber name }
  } }`;

  /** Runs the query, counting the SQL statements that read from each table. */
  async function resolve(representations: object[]) {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const result = await clusters.query<{ _entities: ({ id?: string; orgNumber?: string } | null)[] }>(ENTITIES, { representations });
      const statements = spy.mock.calls.map(([sql]) => sql);
      const touching = (table: string) => statements.filter((sql) => new RegExp(`\\bFROM "?${table}"?\\b`).test(sql)).length;
      return {
        result,
        queries: {
          clusters: touching('clusters'),
          organizations: touching('organizations'),
          levelPeriods: touching('cluster_level_periods'),
          memberStats: touching('memberships'),
        },
      };
    } finally {
      spy.mockRestore();
    }
  }

  it('resolves every reference in order, an unknown one as null with a NOT_FOUND error naming it, with one query per type and field', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const representations = [
      ...clusterIds.map((id) => ({ __typename: 'Cluster', id })),
      { __typename: 'Cluster', id: unknown },
      ...ORG_NUMBERS.map((orgNumber) => ({ __typename: 'Organization', orgNumber })),
    ];
    const { result, queries } = await resolve(representations);

    expect(result.errors).toEqual([
      expect.objectContaining({
        message: `Cluster ${unknown} does not exist`,
        path: ['_entities', 12],
        extensions: expect.objectContaining({ code: 'NOT_FOUND', field: 'id', id: unknown }),
      }),
    ]);
    const entities = result.data!._entities;
    expect(entities.slice(0, 12).map((entity) => entity?.id)).toEqual(clusterIds);
    expect(entities[12]).toBeNull();
    expect(entities.slice(13).map((entity) => entity?.orgNumber)).toEqual(ORG_NUMBERS);
    expect(queries).toEqual({ clusters: 1, organizations: 1, levelPeriods: 1, memberStats: 1 });
  });

  it('costs the same number of queries for two references as for seventeen', async () => {
    const { queries } = await resolve([
      { __typename: 'Cluster', id: clusterIds[0] },
      { __typename: 'Organization', orgNumber: ORG_NUMBERS[0] },
    ]);
    expect(queries).toEqual({ clusters: 1, organizations: 1, levelPeriods: 1, memberStats: 1 });
  });
});
