import { type ConnectionPage, groupByKey, Keyset, pageSize, type RequestContext, SqlConditions, toPage } from '@klynge/platform';
import type { DataSource } from 'typeorm';
import { MembershipEntity } from './membership.entity';

interface MembershipRow {
  id: string;
  cluster_id: string;
  org_number: string;
  role: MembershipEntity['role'];
  joined_on: string;
  left_on: string | null;
  org_name: string;
}

const CURRENT = '(m.left_on IS NULL OR m.left_on >= current_date)';

/** A cluster's members: by organisation name, then membership id, so the order is total. */
const MEMBERS_ORDER = Keyset.ascending(['o.name', 'text'], ['m.id', 'uuid']);

export class MembershipQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A page of a cluster's members, by organisation name. Batched: the members of every cluster
   * on a dashboard page come from one query (plus one for the counts), whatever their number.
   */
  ofCluster(
    context: RequestContext,
    clusterId: string,
    page: { first: number; after: string | undefined; includeEnded: boolean },
  ): Promise<ConnectionPage<MembershipEntity>> {
    const limit = pageSize(page.first);
    const cursor = MEMBERS_ORDER.decode(page.after);
    const loaderName = `memberships.ofCluster:${limit}:${page.after ?? ''}:${page.includeEnded}`;
    return context.loaders
      .get<string, ConnectionPage<MembershipEntity>>(loaderName, async (clusterIds) => {
        const members = new SqlConditions().add('m.cluster_id = ANY(?::uuid[])', clusterIds);
        if (!page.includeEnded) members.add(CURRENT);
        // Per cluster, every member and those at or before the cursor (a previous page).
        const counted = members.copy();
        const preceding = cursor ? `count(*) FILTER (WHERE ${MEMBERS_ORDER.atOrBefore(counted, cursor)})` : '0';
        const counts: { cluster_id: string; total: number; preceding: number }[] = await this.dataSource.query(
          `SELECT m.cluster_id, count(*)::int AS total, ${preceding}::int AS preceding
           FROM memberships m JOIN organizations o USING (org_number) ${counted.where} GROUP BY m.cluster_id`,
          counted.params,
        );
        // The page of each cluster: its first `limit` + 1 members after the cursor (the extra one says a next page follows).
        const paged = members.copy();
        if (cursor) paged.add(MEMBERS_ORDER.after(paged, cursor));
        const rows: (MembershipRow & { rank: number })[] = await this.dataSource.query(
          `SELECT * FROM (
             SELECT m.id, m.cluster_id, m.org_number, m.role, m.joined_on::text, m.left_on::text, o.name AS org_name,
                    row_number() OVER (PARTITION BY m.cluster_id ORDER BY ${MEMBERS_ORDER.orderBy}) AS rank
             FROM memberships m JOIN organizations o USING (org_number) ${paged.where}
           ) ranked WHERE rank <= ${paged.param(limit + 1)} ORDER BY cluster_id, rank`,
          paged.params,
        );
        const countsOf = new Map(counts.map((count) => [count.cluster_id, count]));
        return groupByKey(clusterIds, rows, (row) => row.cluster_id).map((group, index) => {
          const count = countsOf.get(clusterIds[index]!);
          return toPage(group, limit, count?.total ?? 0, toEntity, (row) => [row.org_name, row.id], count?.preceding ?? 0);
        });
      })
      .load(clusterId);
  }

  /** An organisation's memberships, newest first, batched per request. */
  ofOrganization(context: RequestContext, orgNumber: string, includeEnded: boolean): Promise<MembershipEntity[]> {
    return context.loaders
      .get<string, MembershipEntity[]>(`memberships.ofOrganization:${includeEnded}`, async (numbers) => {
        const rows: MembershipRow[] = await this.dataSource.query(
          `SELECT m.id, m.cluster_id, m.org_number, m.role, m.joined_on::text, m.left_on::text, '' AS org_name
           FROM memberships m WHERE m.org_number = ANY($1::text[]) ${includeEnded ? '' : `AND ${CURRENT}`}
           ORDER BY m.joined_on DESC, m.id`,
          [numbers],
        );
        return groupByKey(numbers, rows, (row) => row.org_number).map((group) => group.map(toEntity));
      })
      .load(orgNumber);
  }
}

function toEntity(row: MembershipRow): MembershipEntity {
  return Object.assign(new MembershipEntity(), {
    id: row.id,
    clusterId: row.cluster_id,
    orgNumber: row.org_number,
    role: row.role,
    joinedOn: row.joined_on,
    leftOn: row.left_on,
  });
}
