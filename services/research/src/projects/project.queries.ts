import { COUNTIES } from '@klynge/contracts';
import {
  type AgencySupportYearType,
  alignByKey,
  type ConnectionPage,
  groupByKey,
  isUuid,
  Keyset,
  keysetPage,
  nok,
  type RequestContext,
  SqlConditions,
} from '@klynge/platform';
import { currentMembership } from '@klynge/read-models';
import type { DataSource } from 'typeorm';
import type { ResearchPhase } from '../research.events';
import type { AllocationGroupType, AllocationGrouping, ProjectFilter, ProjectRecord, ResearchReachType } from './project.types';

/** The agency whose money this subgraph's projects are. */
export const RESEARCH_AGENCY = 'forskningsradet';

/** A project with its partners and allocations; where the source gives no place, the owner's (from the organisation directory). */
const SELECT_PROJECTS = `
  SELECT p.id, p.project_number AS "projectNumber", p.title, p.application_type AS "applicationType", p.activity_code AS "activityCode",
    p.owner_org_number AS "ownerOrgNumber", p.owner_name AS "ownerName",
    coalesce(p.county_code, o.county_code) AS "countyCode",
    CASE WHEN p.county_code IS NULL AND p.municipality_code IS NULL THEN o.municipality_code ELSE p.municipality_code END AS "municipalityCode",
    p.thematic_areas AS "thematicAreas", p.subject_fields AS "subjectFields", p.start_year AS "startYear", p.end_year AS "endYear",
    p.phase, p.total::text AS total, p.project_manager AS "projectManager",
    coalesce((SELECT json_agg(json_build_object('orgNumber', pp.org_number, 'role', pp.role) ORDER BY pp.org_number)
              FROM research_project_partners pp WHERE pp.project_id = p.id), '[]') AS partners,
    coalesce((SELECT json_agg(json_build_object('year', a.year, 'amount', a.amount::text) ORDER BY a.year NULLS FIRST)
              FROM research_allocations a WHERE a.project_id = p.id), '[]') AS allocations
  FROM research_projects p LEFT JOIN organization_directory o ON o.org_number = p.owner_org_number`;

interface ProjectRow extends Omit<ProjectRecord, 'total' | 'allocations'> {
  total: string;
  allocations: { year: number | null; amount: string }[];
}

const toProject = (row: ProjectRow): ProjectRecord => ({
  ...row,
  total: nok(row.total),
  allocations: row.allocations.map((allocation) => ({ year: allocation.year, amount: nok(allocation.amount) })),
});

/** The projects an organisation (or any of organisations, with `= ANY`) takes part in as a partner. */
const PARTNER_OF = (orgs: string) => `SELECT project_id FROM research_project_partners WHERE org_number = ${orgs}`;

/** The organisations that are a cluster's members today, from the membership read model. */
const MEMBERS_OF = (clusters: string) =>
  `SELECT m.cluster_id, m.org_number FROM membership_directory m WHERE m.cluster_id = ANY(${clusters}::uuid[]) AND ${currentMembership('m')}`;

/** Projects in a list: the latest started first (a cursor holds the start year as four digits). */
const PROJECTS_ORDER = Keyset.descending(['p.start_year', 'year'], ['p.id', 'uuid']);

/** Reading projects, and the figures dashboards show of them; lookups by key go through the request's loaders. */
export class ProjectQueries {
  constructor(private readonly dataSource: DataSource) {}

  byId(context: RequestContext, id: string): Promise<ProjectRecord | null> {
    return context.loaders.byUuid('research.projectById', id, (ids) => this.projects('WHERE p.id = ANY($1::uuid[])', [ids]));
  }

  byNumber(projectNumber: string): Promise<ProjectRecord | null> {
    return this.projects('WHERE p.project_number = $1', [projectNumber]).then(([project]) => project ?? null);
  }

  /** The projects an organisation owns or is a partner of, for every organisation of one request at once. */
  ofOrganization(context: RequestContext, orgNumber: string): Promise<ProjectRecord[]> {
    return context.loaders
      .get<string, ProjectRecord[]>('research.projectsOfOrganization', async (orgNumbers) => {
        const projects = await this.projects(
          `WHERE p.owner_org_number = ANY($1::text[]) OR p.id IN (${PARTNER_OF('ANY($1::text[])')})
           ORDER BY p.start_year DESC, p.project_number`,
          [orgNumbers],
        );
        return orgNumbers.map((org) =>
          projects.filter((project) => project.ownerOrgNumber === org || project.partners.some((partner) => partner.orgNumber === org)),
        );
      })
      .load(orgNumber);
  }

  /** The projects a cluster's current members own or are partners of, for every cluster of one request at once. */
  ofCluster(context: RequestContext, clusterId: string): Promise<ProjectRecord[]> {
    return context.loaders
      .get<string, ProjectRecord[]>('research.projectsOfCluster', async (clusterIds) => {
        const ids = clusterIds.filter(isUuid);
        const members = await this.dataSource.query<{ cluster_id: string; org_number: string }[]>(MEMBERS_OF('$1'), [ids]);
        const orgs = [...new Set(members.map((member) => member.org_number))];
        const projects = await this.projects(
          `WHERE p.owner_org_number = ANY($1::text[]) OR p.id IN (${PARTNER_OF('ANY($1::text[])')})
           ORDER BY p.start_year DESC, p.project_number`,
          [orgs],
        );
        return clusterIds.map((id) => {
          const own = new Set(members.filter((member) => member.cluster_id === id).map((member) => member.org_number));
          return projects.filter(
            (project) => own.has(project.ownerOrgNumber) || project.partners.some((partner) => own.has(partner.orgNumber)),
          );
        });
      })
      .load(clusterId);
  }

  /** How many of each cluster's current members own or take part in a project. */
  reachOfCluster(context: RequestContext, clusterId: string): Promise<ResearchReachType> {
    return context.loaders
      .get<string, ResearchReachType>('research.reachOfCluster', async (clusterIds) => {
        const rows = await this.dataSource.query<{ cluster_id: string; members: number; with_project: number }[]>(
          `SELECT m.cluster_id, count(DISTINCT m.org_number)::int AS members,
             count(DISTINCT m.org_number) FILTER (WHERE EXISTS (SELECT 1 FROM research_projects p WHERE p.owner_org_number = m.org_number)
               OR EXISTS (SELECT 1 FROM research_project_partners pp WHERE pp.org_number = m.org_number))::int AS with_project
           FROM (${MEMBERS_OF('$1')}) m GROUP BY m.cluster_id`,
          [clusterIds.filter(isUuid)],
        );
        return alignByKey(clusterIds, rows, (row) => row.cluster_id).map((row) => ({
          members: row?.members ?? 0,
          membersWithProject: row?.with_project ?? 0,
          share: row && row.members > 0 ? row.with_project / row.members : null,
        }));
      })
      .load(clusterId);
  }

  /**
   * What a cluster's current members were allocated per year as project owners (the owner receives
   * the grant; how much it passes on to partners is not known). Amounts the source does not split
   * by year are left out.
   */
  supportByYear(context: RequestContext, clusterId: string): Promise<AgencySupportYearType[]> {
    return context.loaders
      .get<string, AgencySupportYearType[]>('research.supportByYear', async (clusterIds) => {
        const rows = await this.dataSource.query<{ cluster_id: string; year: number; amount: string }[]>(
          `SELECT m.cluster_id, a.year, sum(a.amount)::text AS amount
           FROM (${MEMBERS_OF('$1')}) m
           JOIN research_projects p ON p.owner_org_number = m.org_number
           JOIN research_allocations a ON a.project_id = p.id AND a.year IS NOT NULL
           GROUP BY m.cluster_id, a.year ORDER BY a.year`,
          [clusterIds.filter(isUuid)],
        );
        return groupByKey(clusterIds, rows, (row) => row.cluster_id).map((years) =>
          years.map((row) => ({ agencyCode: RESEARCH_AGENCY, year: row.year, amount: nok(row.amount) })),
        );
      })
      .load(clusterId);
  }

  /** Projects, the latest started first, a page at a time. */
  list(filter: ProjectFilter | undefined, first: number, after: string | undefined): Promise<ConnectionPage<ProjectRecord>> {
    const conditions = new SqlConditions();
    if (filter?.orgNumber) conditions.add(`(p.owner_org_number = ? OR p.id IN (${PARTNER_OF('?')}))`, filter.orgNumber, filter.orgNumber);
    if (filter?.applicationType) conditions.add('p.application_type = ?', filter.applicationType);
    if (filter?.activityCode) conditions.add('p.activity_code = ?', filter.activityCode);
    if (filter?.countyCode) conditions.add('coalesce(p.county_code, o.county_code) = ?', filter.countyCode);
    if (filter?.phase) conditions.add('p.phase = ?', filter.phase satisfies ResearchPhase);
    if (filter?.year !== null && filter?.year !== undefined) {
      conditions.add('EXISTS (SELECT 1 FROM research_allocations a WHERE a.project_id = p.id AND a.year = ?)', filter.year);
    }
    return keysetPage(this.dataSource, {
      from: 'research_projects p LEFT JOIN organization_directory o ON o.org_number = p.owner_org_number',
      where: conditions,
      order: PROJECTS_ORDER,
      first,
      after,
      rows: (tail, params) => this.projects(tail, params),
      sortKey: (project) => [String(project.startYear), project.id],
    });
  }

  /** Allocations per year by application type, county or funding activity; amounts not split by year are left out. */
  async allocationsGrouped(grouping: AllocationGrouping, year: number | undefined): Promise<AllocationGroupType[]> {
    const key = {
      APPLICATION_TYPE: 'p.application_type',
      COUNTY: "coalesce(p.county_code, o.county_code, 'unknown')",
      FUNDING_ACTIVITY: "coalesce(p.activity_code, 'unknown')",
    }[grouping];
    const rows = await this.dataSource.query<{ year: number; key: string; activity: string | null; amount: string; projects: number }[]>(
      `SELECT a.year, ${key} AS key, min(f.name) AS activity, sum(a.amount)::text AS amount, count(DISTINCT p.id)::int AS projects
       FROM research_allocations a JOIN research_projects p ON p.id = a.project_id
       LEFT JOIN organization_directory o ON o.org_number = p.owner_org_number
       LEFT JOIN research_funding_activities f ON f.code = p.activity_code
       WHERE a.year IS NOT NULL AND ($1::int IS NULL OR a.year = $1)
       GROUP BY a.year, ${key} ORDER BY a.year, ${key}`,
      [year ?? null],
    );
    return rows.map((row) => ({
      year: row.year,
      key: row.key,
      label:
        grouping === 'COUNTY'
          ? (COUNTIES[row.key] ?? 'Unknown county')
          : grouping === 'FUNDING_ACTIVITY'
            ? (row.activity ?? (row.key === 'unknown' ? 'Unknown activity' : row.key))
            : row.key,
      amount: nok(row.amount),
      projects: row.projects,
    }));
  }

  /** Projects with their partners and allocations; `where` is a WHERE clause with what follows it. */
  private async projects(where: string, parameters: unknown[]): Promise<ProjectRecord[]> {
    const rows = await this.dataSource.query<ProjectRow[]>(`${SELECT_PROJECTS} ${where}`, parameters);
    return rows.map(toProject);
  }
}
