import {
  alignByKey,
  type ConnectionPage,
  decodeCursor,
  groupByKey,
  isUuid,
  norwegianDate,
  pageSize,
  type RequestContext,
  toPage,
  containsPattern,
} from '@klynge/platform';
import { type DataSource, In } from 'typeorm';
import { ClusterEntity, ClusterLevelPeriodEntity } from './cluster.entity';
import type { ClusterFilter, ClusterLevelPeriodType, MemberStatsType } from './cluster.types';

/**
 * The level cluster `c` holds today in Norway: its latest period that has begun, unless that has
 * ended with no next level known (then null). A change decided for a later day (a grant's planned
 * start, say) is in the history, and takes over on that day. A cluster loaded without a history
 * (generated bench data) has its registered level.
 */
export const CURRENT_LEVEL_SQL = `(SELECT CASE WHEN latest.level IS NULL THEN c.level
    WHEN latest.valid_to IS NULL OR latest.valid_to > (now() AT TIME ZONE 'Europe/Oslo')::date THEN latest.level END
  FROM (SELECT 1) AS one LEFT JOIN LATERAL (
    SELECT p.level, p.valid_to FROM cluster_level_periods p
    WHERE p.cluster_id = c.id AND p.valid_from <= (now() AT TIME ZONE 'Europe/Oslo')::date
    ORDER BY p.valid_from DESC LIMIT 1) AS latest ON true)`;

/**
 * Reads of the cluster registry. Lookups by key go through the request's loaders, so a page of
 * clusters costs one query per field, not one per cluster.
 */
export class ClusterQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Clusters by id, batched per request (also what entity references from the gateway use). */
  byId(context: RequestContext, id: string): Promise<ClusterEntity | null> {
    return context.loaders.get<string, ClusterEntity | null>('clusters.byId', (ids) => this.byIds(ids)).load(id);
  }

  async byIds(ids: readonly string[]): Promise<(ClusterEntity | null)[]> {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await this.dataSource.getRepository(ClusterEntity).findBy({ id: In(valid) }) : [];
    return alignByKey(ids, rows, (row) => row.id);
  }

  bySlug(slug: string): Promise<ClusterEntity | null> {
    return this.dataSource.getRepository(ClusterEntity).findOneBy({ slug });
  }

  /** A page of clusters, ordered by name (then id, so the order is total and stable). */
  async list(filter: ClusterFilter | undefined, first: number, after: string | undefined): Promise<ConnectionPage<ClusterEntity>> {
    const limit = pageSize(first);
    const query = this.dataSource.getRepository(ClusterEntity).createQueryBuilder('c');
    if (filter?.level) query.andWhere(`${CURRENT_LEVEL_SQL} = :level`, { level: filter.level });
    if (filter?.countyCode) query.andWhere('c.county_code = :county', { county: filter.countyCode });
    if (filter?.sector) query.andWhere(':sector = ANY(c.sectors)', { sector: filter.sector });
    if (filter?.text?.trim()) {
      query.andWhere(`(c.name ILIKE :text OR c.short_name ILIKE :text OR c.description ILIKE :text)`, {
        text: containsPattern(filter.text.trim()),
      });
    }
    const cursor = after ? decodeCursor(after, ['text', 'uuid']) : undefined;
    const parameters = cursor ? { afterName: cursor[0], afterId: cursor[1] } : {};
    // One count for the whole list and for what comes at or before the cursor (a previous page).
    const counts = await query
      .clone()
      .select('count(*)::int', 'total')
      .addSelect(cursor ? 'count(*) FILTER (WHERE (c.name, c.id) <= (:afterName, :afterId))::int' : '0', 'preceding')
      .setParameters(parameters)
      .getRawOne<{ total: number; preceding: number }>();
    if (cursor) query.andWhere('(c.name, c.id) > (:afterName, :afterId)', parameters);
    const rows = await query
      .orderBy('c.name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(limit + 1)
      .getMany();
    return toPage(
      rows,
      limit,
      counts?.total ?? 0,
      (row) => row,
      (row) => [row.name, row.id],
      counts?.preceding ?? 0,
    );
  }

  /**
   * The level held today: that of the latest period that has begun, unless it has ended with no
   * next level known (see CURRENT_LEVEL_SQL).
   */
  async currentLevel(context: RequestContext, cluster: ClusterEntity): Promise<ClusterLevelPeriodType['level'] | null> {
    const periods = await this.levelHistory(context, cluster.id);
    const today = norwegianDate(new Date());
    const latest = periods.filter((period) => period.from <= today).at(-1);
    if (!latest) return cluster.level;
    return latest.to === null || latest.to > today ? latest.level : null;
  }

  levelHistory(context: RequestContext, clusterId: string): Promise<ClusterLevelPeriodType[]> {
    return context.loaders
      .get<string, ClusterLevelPeriodType[]>('clusters.levelHistory', async (ids) => {
        const rows = await this.dataSource
          .getRepository(ClusterLevelPeriodEntity)
          .find({ where: { clusterId: In([...ids]) }, order: { validFrom: 'ASC' } });
        return groupByKey(ids, rows, (row) => row.clusterId).map((periods) => periods.map(toPeriodType));
      })
      .load(clusterId);
  }

  memberStats(context: RequestContext, clusterId: string): Promise<MemberStatsType> {
    return context.loaders
      .get<string, MemberStatsType>('clusters.memberStats', async (ids) => {
        const rows: { cluster_id: string; members: number; sme: number; size_known: number }[] = await this.dataSource.query(
          `SELECT m.cluster_id,
                  count(DISTINCT m.org_number)::int AS members,
                  count(DISTINCT m.org_number) FILTER (WHERE o.employees < 250)::int AS sme,
                  count(DISTINCT m.org_number) FILTER (WHERE o.employees IS NOT NULL)::int AS size_known
           FROM memberships m JOIN organizations o USING (org_number)
           WHERE m.cluster_id = ANY($1::uuid[]) AND (m.left_on IS NULL OR m.left_on >= current_date)
           GROUP BY m.cluster_id`,
          [ids],
        );
        return alignByKey(ids, rows, (row) => row.cluster_id).map((row) => ({
          memberCount: row?.members ?? 0,
          smeCount: row?.sme ?? 0,
          sizeKnownCount: row?.size_known ?? 0,
          smeShare: row && row.size_known > 0 ? row.sme / row.size_known : null,
        }));
      })
      .load(clusterId);
  }
}

export function toPeriodType(row: ClusterLevelPeriodEntity): ClusterLevelPeriodType {
  return {
    level: row.level,
    from: row.validFrom,
    fromPrecision: row.validFromPrecision,
    to: row.validTo,
    reason: row.reason,
    decisionReference: row.decisionReference,
  };
}
