import { COUNTIES } from '@klynge/contracts';
import { type ConnectionPage, groupByKey, isUuid, Keyset, keysetPage, type RequestContext, SqlConditions } from '@klynge/platform';
import type { DataSource } from 'typeorm';
import type { CountyReachType, ProjectFilter, ProjectRecord, ProjectYearRecord } from './project.types';

/** A project's columns, with the company's size class from the organisation directory (null where unknown). */
const PROJECT_COLUMNS = `p.id, p.centre_id AS "centreId", p.org_number AS "orgNumber", p.title,
  to_char(p.started_on, 'YYYY-MM-DD') AS "startedOn", to_char(p.ended_on, 'YYYY-MM-DD') AS "endedOn",
  CASE WHEN p.ended_on IS NULL THEN 'RUNNING' ELSE 'COMPLETED' END AS status, p.services,
  CASE o.size_class WHEN 'SME' THEN true WHEN 'LARGE' THEN false END AS sme`;
const PROJECTS = 'catapult_projects p LEFT JOIN organization_directory o ON o.org_number = p.org_number';
/** Projects in a list: the latest started first. */
const PROJECTS_ORDER = Keyset.descending(['p.started_on', 'date'], ['p.id', 'uuid']);

/** Reading projects, and the figures a dashboard shows of them. */
export class ProjectQueries {
  constructor(private readonly dataSource: DataSource) {}

  byId(context: RequestContext, id: string): Promise<ProjectRecord | null> {
    return context.loaders.byUuid('catapult.projectById', id, (ids) =>
      this.dataSource.query<ProjectRecord[]>(`SELECT ${PROJECT_COLUMNS} FROM ${PROJECTS} WHERE p.id = ANY($1::uuid[])`, [ids]),
    );
  }

  /** An organisation's projects, newest first, for every organisation of one request at once. */
  ofOrganization(context: RequestContext, orgNumber: string): Promise<ProjectRecord[]> {
    return context.loaders
      .get<string, ProjectRecord[]>('catapult.projectsOfOrganization', async (orgNumbers) =>
        groupByKey(
          orgNumbers,
          await this.dataSource.query<ProjectRecord[]>(
            `SELECT ${PROJECT_COLUMNS} FROM ${PROJECTS} WHERE p.org_number = ANY($1::text[]) ORDER BY p.started_on DESC, p.id DESC`,
            [orgNumbers],
          ),
          (project) => project.orgNumber,
        ),
      )
      .load(orgNumber);
  }

  /** Projects, newest first, a page at a time. */
  list(filter: ProjectFilter | undefined, first: number, after: string | undefined): Promise<ConnectionPage<ProjectRecord>> {
    return keysetPage(this.dataSource, {
      from: PROJECTS,
      where: projectConditions(filter),
      order: PROJECTS_ORDER,
      first,
      after,
      rows: (tail, params) => this.dataSource.query<ProjectRecord[]>(`SELECT ${PROJECT_COLUMNS} FROM ${PROJECTS} ${tail}`, params),
      sortKey: (project) => [project.startedOn, project.id],
    });
  }

  /** Per year started and centre (in the order they were designated): projects, SME projects and the SME share among projects whose company's size is known. */
  async perYear(centreId: string | undefined, year: number | undefined): Promise<ProjectYearRecord[]> {
    const conditions = projectConditions({ centreId, startedIn: year });
    const rows = await this.dataSource.query<
      { centreId: string; year: number; projects: number; smeProjects: number; sizeUnknown: number }[]
    >(
      `SELECT p.centre_id AS "centreId", extract(year FROM p.started_on)::int AS year, count(*)::int AS projects,
         count(*) FILTER (WHERE o.size_class = 'SME')::int AS "smeProjects",
         count(*) FILTER (WHERE o.size_class IS NULL)::int AS "sizeUnknown"
       FROM ${PROJECTS} JOIN catapult_centres c ON c.id = p.centre_id ${conditions.where}
       GROUP BY p.centre_id, year, c.designated_on, c.name ORDER BY year, c.designated_on, c.name`,
      conditions.params,
    );
    return rows.map((row) => {
      const known = row.projects - row.sizeUnknown;
      return { ...row, smeShare: known === 0 ? null : row.smeProjects / known };
    });
  }

  /** Distinct companies with a project, by the county the organisation register gives them. */
  async companiesByCounty(centreId: string | undefined): Promise<CountyReachType[]> {
    const conditions = projectConditions({ centreId });
    const rows = await this.dataSource.query<{ county: string; companies: number }[]>(
      `SELECT coalesce(o.county_code, 'unknown') AS county, count(DISTINCT p.org_number)::int AS companies
       FROM ${PROJECTS} ${conditions.where} GROUP BY 1 ORDER BY 2 DESC, 1`,
      conditions.params,
    );
    return rows.map((row) => ({ countyCode: row.county, countyName: COUNTIES[row.county] ?? 'Unknown county', companies: row.companies }));
  }
}

/** The conditions of a project filter; every value a parameter. Ids that are not UUIDs match nothing. */
function projectConditions(filter: ProjectFilter | undefined): SqlConditions {
  const conditions = new SqlConditions();
  if (filter?.centreId !== null && filter?.centreId !== undefined) {
    if (!isUuid(filter.centreId)) return conditions.add('false');
    conditions.add('p.centre_id = ?::uuid', filter.centreId);
  }
  if (filter?.orgNumber) conditions.add('p.org_number = ?', filter.orgNumber.replace(/\s/g, ''));
  if (filter?.startedIn !== null && filter?.startedIn !== undefined)
    conditions.add('extract(year FROM p.started_on) = ?', filter.startedIn);
  if (filter?.status === 'RUNNING') conditions.add('p.ended_on IS NULL');
  if (filter?.status === 'COMPLETED') conditions.add('p.ended_on IS NOT NULL');
  return conditions;
}
