import {
  alignByKey,
  type ConnectionPage,
  containsPattern,
  endsAfterOsloToday,
  entitySelect,
  groupByKey,
  isUuid,
  Keyset,
  keysetPage,
  OSLO_TODAY,
  type Queryable,
  type RequestContext,
  sourceOf,
  SqlConditions,
} from '@klynge/platform';
import type { ClusterLevel } from '@klynge/contracts';
import { type DataSource, In } from 'typeorm';
import { ClusterEntity, ClusterLevelPeriodEntity } from './cluster.entity';
import type { ClusterFilter, ClusterLevelPeriodType, MemberStatsType } from './cluster.types';

/**
 * The latest level period of cluster `c` that has begun in Norway (or whose start no source
 * gives), as `latest`: a row of nulls when there is none. A change decided for a later day (a
 * grant's planned start, say) is in the history, and takes over on that day. Its order is that of
 * the index cluster_level_periods_latest, which finds each cluster's row without reading the
 * others (a list filtered by level asks it of every cluster): change the two together.
 */
const LATEST_BEGUN_PERIOD = `(SELECT 1) AS one LEFT JOIN LATERAL (
    SELECT p.level, p.valid_to, p.basis, p.ended_by FROM cluster_level_periods p
    WHERE p.cluster_id = c.id AND (p.valid_from IS NULL OR p.valid_from <= ${OSLO_TODAY})
    ORDER BY p.valid_from DESC NULLS LAST, p.id DESC LIMIT 1) AS latest ON true`;

/**
 * Whether `latest` covers today: a recorded period until its end; a reported one only when a
 * source gives an end after today (a term or a rule does not make today known).
 */
const LATEST_COVERS_TODAY = `(latest.basis = 'RECORDED' AND ${endsAfterOsloToday('latest.valid_to')}
    OR latest.basis = 'REPORTED' AND latest.ended_by = 'SOURCE' AND latest.valid_to > ${OSLO_TODAY})`;

/** The level of CURRENT_LEVEL_SQL, over `c` and `latest`. */
const LEVEL_HELD = `CASE WHEN latest.level IS NULL THEN c.level WHEN ${LATEST_COVERS_TODAY} THEN latest.level END`;

/**
 * The level cluster `c` holds today in Norway: that of its latest period that has begun (or whose
 * start no source gives), if that period covers today (LATEST_COVERS_TODAY). Null otherwise. A
 * cluster loaded without a history (generated bench data) has its registered level. The one
 * place this rule is written: what the events say of a cluster's level is taken from it too
 * (levelHeldToday), and the read model's CURRENT_DIRECTORY_LEVEL (@klynge/read-models) reads
 * that back.
 */
export const CURRENT_LEVEL_SQL = `(SELECT ${LEVEL_HELD} FROM ${LATEST_BEGUN_PERIOD})`;

/** Today in Norway, the level cluster `clusterId` holds by CURRENT_LEVEL_SQL, and the day it stops holding it. */
export interface LevelHeldToday {
  today: string;
  level: ClusterLevel | null;
  /** The first day it no longer holds `level` by the period that gives it; null while no end is known, and where no period gives it. */
  until: string | null;
}

/** The level a cluster holds today (CURRENT_LEVEL_SQL), read in `manager`'s transaction (or any connection's). */
export async function levelHeldToday(manager: Queryable, clusterId: string): Promise<LevelHeldToday> {
  const [held] = (await manager.query(
    `SELECT ${OSLO_TODAY}::text AS today, ${LEVEL_HELD} AS level, CASE WHEN ${LATEST_COVERS_TODAY} THEN latest.valid_to::text END AS until
     FROM clusters c, ${LATEST_BEGUN_PERIOD} WHERE c.id = $1`,
    [clusterId],
  )) as LevelHeldToday[];
  return held!;
}

/** Clusters in a list: by name, then id (names are unique; the id makes the order total all the same). */
const CLUSTERS_ORDER = Keyset.ascending(['c.name', 'text'], ['c.id', 'uuid']);

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
  list(filter: ClusterFilter | undefined, first: number, after: string | undefined): Promise<ConnectionPage<ClusterEntity>> {
    const conditions = new SqlConditions();
    if (filter?.level) conditions.add(`${CURRENT_LEVEL_SQL} = ?`, filter.level);
    if (filter?.heldLevel) {
      conditions.add('EXISTS (SELECT 1 FROM cluster_level_periods held WHERE held.cluster_id = c.id AND held.level = ?)', filter.heldLevel);
    }
    if (filter?.countyCode) conditions.add('c.county_code = ?', filter.countyCode);
    if (filter?.sector) conditions.add('? = ANY(c.sectors)', filter.sector);
    const text = filter?.text?.trim();
    if (text) {
      const pattern = containsPattern(text);
      conditions.add('(c.name ILIKE ? OR c.short_name ILIKE ? OR c.description ILIKE ?)', pattern, pattern, pattern);
    }
    const clusters = entitySelect(this.dataSource, ClusterEntity, 'c');
    return keysetPage(this.dataSource, {
      from: clusters.from,
      where: conditions,
      order: CLUSTERS_ORDER,
      first,
      after,
      rows: clusters.read,
      sortKey: (cluster) => [cluster.name, cluster.id],
    });
  }

  /** The level held today (see CURRENT_LEVEL_SQL), batched per request. */
  currentLevel(context: RequestContext, cluster: ClusterEntity): Promise<ClusterLevel | null> {
    return context.loaders
      .get<string, ClusterLevel | null>('clusters.currentLevel', async (ids) => {
        const rows: { id: string; level: ClusterLevel | null }[] = await this.dataSource.query(
          `SELECT c.id, ${CURRENT_LEVEL_SQL} AS level FROM clusters c WHERE c.id = ANY($1::uuid[])`,
          [ids],
        );
        return alignByKey(ids, rows, (row) => row.id).map((row) => row?.level ?? null);
      })
      .load(cluster.id);
  }

  levelHistory(context: RequestContext, clusterId: string): Promise<ClusterLevelPeriodType[]> {
    return context.loaders
      .get<string, ClusterLevelPeriodType[]>('clusters.levelHistory', async (ids) => {
        const rows = await this.dataSource
          .getRepository(ClusterLevelPeriodEntity)
          .find({ where: { clusterId: In([...ids]) }, order: { id: 'ASC' } });
        return groupByKey(ids, rows, (row) => row.clusterId).map((periods) => periods.map(toPeriodType));
      })
      .load(clusterId);
  }

  memberStats(context: RequestContext, clusterId: string): Promise<MemberStatsType> {
    return context.loaders
      .get<string, MemberStatsType>('clusters.memberStats', async (ids) => {
        const rows: { cluster_id: string; members: number; sme: number; size_known: number }[] = await this.dataSource.query(
          // Every cluster with any membership recorded, ended ones included: zero current members is then a count.
          `SELECT m.cluster_id,
                  count(DISTINCT m.org_number) FILTER (WHERE m.left_on IS NULL OR m.left_on >= current_date)::int AS members,
                  count(DISTINCT m.org_number) FILTER (WHERE (m.left_on IS NULL OR m.left_on >= current_date) AND o.employees < 250)::int AS sme,
                  count(DISTINCT m.org_number) FILTER (WHERE (m.left_on IS NULL OR m.left_on >= current_date) AND o.employees IS NOT NULL)::int AS size_known
           FROM memberships m JOIN organizations o USING (org_number)
           WHERE m.cluster_id = ANY($1::uuid[])
           GROUP BY m.cluster_id`,
          [ids],
        );
        return alignByKey(ids, rows, (row) => row.cluster_id).map((row) =>
          row
            ? {
                recorded: true,
                memberCount: row.members,
                smeCount: row.sme,
                sizeKnownCount: row.size_known,
                smeShare: row.size_known > 0 ? row.sme / row.size_known : null,
              }
            : // No membership was ever recorded: the members are not known, which is not none.
              { recorded: false, memberCount: null, smeCount: null, sizeKnownCount: null, smeShare: null },
        );
      })
      .load(clusterId);
  }
}

export function toPeriodType(row: ClusterLevelPeriodEntity): ClusterLevelPeriodType {
  const yearOf = (date: string | null) => (date === null ? null : Number(date.slice(0, 4)));
  // `to` is exclusive: the last year at the level is the year before it for a reported (YEAR) period.
  const toYear = row.validTo === null ? null : row.basis === 'REPORTED' ? yearOf(row.validTo)! - 1 : yearOf(row.validTo);
  return {
    level: row.level,
    from: row.validFrom,
    fromPrecision: row.validFrom === null ? null : row.validFromPrecision,
    to: row.validTo,
    fromYear: yearOf(row.validFrom),
    toYear,
    reason: row.reason,
    decisionReference: row.decisionReference,
    basis: row.basis,
    endedBy: row.endedBy,
    fromYearsReported: row.fromYears,
    toYearsReported: row.toYears,
    claims: row.claims.map(({ claim, year, url }) => ({ says: claim, year, source: sourceOf(url) })),
  };
}
