import { alignByKey, groupByKey, isUuid, type RequestContext } from '@klynge/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { CompetenceProgrammeType, ModuleType } from './programme.types';

/** A programme as resolvers see it: the GraphQL fields and what it refers to. */
export interface ProgrammeRecord extends CompetenceProgrammeType {
  fundingProgrammeCode: string | null;
  fundingApplicationId: string | null;
  grantId: string | null;
  knowledgeSource: string | null;
  knowledgeTarget: string | null;
}

const COLUMNS = `id, name, themes, accepted_host_levels AS "acceptedHostLevels", target_companies AS "targetCompanies",
  capacity, period_start::text AS "periodStart", period_end::text AS "periodEnd", status, source,
  period_start_precision AS "periodStartPrecision", period_end_precision AS "periodEndPrecision",
  funding_programme_code AS "fundingProgrammeCode", funding_application_id AS "fundingApplicationId", grant_id AS "grantId",
  knowledge_source AS "knowledgeSource", knowledge_target AS "knowledgeTarget"`;

export class ProgrammeQueries {
  constructor(private readonly dataSource: DataSource) {}

  byId(context: RequestContext, id: string): Promise<ProgrammeRecord | null> {
    return context.loaders
      .get<string, ProgrammeRecord | null>('programmes.byId', async (ids) =>
        alignByKey(ids, await programmesById(this.dataSource.manager, ids), (row) => row.id),
      )
      .load(id);
  }

  list(filter: { status?: string; theme?: string }): Promise<ProgrammeRecord[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM competence_programmes
       WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR $2 = ANY(themes)) ORDER BY period_start DESC, name`,
      [filter.status ?? null, filter.theme ?? null],
    );
  }

  hostedBy(context: RequestContext, clusterId: string): Promise<ProgrammeRecord[]> {
    return context.loaders
      .get<string, ProgrammeRecord[]>('programmes.hostedBy', async (clusterIds) => {
        const rows = await this.dataSource.query<(ProgrammeRecord & { clusterId: string })[]>(
          `SELECT h.cluster_id AS "clusterId", ${COLUMNS} FROM programme_hosts h JOIN competence_programmes p ON p.id = h.programme_id
           WHERE h.cluster_id = ANY($1::uuid[]) ORDER BY period_start DESC, name`,
          [clusterIds],
        );
        return groupByKey(clusterIds, rows, (row) => row.clusterId);
      })
      .load(clusterId);
  }

  hosts(context: RequestContext, programmeId: string): Promise<string[]> {
    return context.loaders
      .get<string, string[]>('programmes.hosts', async (ids) => {
        const rows = await this.dataSource.query<{ programme_id: string; cluster_id: string }[]>(
          'SELECT programme_id, cluster_id FROM programme_hosts WHERE programme_id = ANY($1::uuid[]) ORDER BY cluster_id',
          [ids],
        );
        return groupByKey(ids, rows, (row) => row.programme_id).map((hosts) => hosts.map((host) => host.cluster_id));
      })
      .load(programmeId);
  }

  modules(context: RequestContext, programmeId: string): Promise<ModuleType[]> {
    return context.loaders
      .get<string, ModuleType[]>('programmes.modules', async (ids) => {
        const rows = await this.dataSource.query<(ModuleType & { programmeId: string })[]>(
          `SELECT id, programme_id AS "programmeId", title, theme, format, starts_on::text AS "startsOn", ends_on::text AS "endsOn", capacity
           FROM modules WHERE programme_id = ANY($1::uuid[]) ORDER BY starts_on NULLS LAST, title`,
          [ids],
        );
        return groupByKey(ids, rows, (row) => row.programmeId);
      })
      .load(programmeId);
  }
}

export async function programmesById(manager: EntityManager, ids: readonly string[]): Promise<ProgrammeRecord[]> {
  const valid = ids.filter((id) => isUuid(id));
  return valid.length ? manager.query(`SELECT ${COLUMNS} FROM competence_programmes WHERE id = ANY($1::uuid[])`, [valid]) : [];
}
