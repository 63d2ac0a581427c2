import {
  alignByKey,
  type ConnectionPage,
  groupByKey,
  isoTimestamp,
  isUuid,
  Keyset,
  keysetPage,
  nok,
  type RequestContext,
  SqlConditions,
} from '@klynge/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { ApplicantType, ApplicationFilter, ApplicationStatus, ApplicationStepType, ApplicationType } from './application.types';

/** An application as resolvers see it: the GraphQL fields and the keys of what it refers to. */
export interface ApplicationRecord extends ApplicationType {
  callId: string;
  programmeCode: string;
  applicant: ApplicantType;
  createdAt: string;
}

interface ApplicationRow {
  id: string;
  call_id: string;
  programme_code: string;
  applicant_type: 'CLUSTER' | 'ORGANIZATION';
  cluster_id: string | null;
  org_number: string | null;
  applicant_name: string | null;
  title: string;
  requested: string;
  own_funding: string;
  cofinancing_plan: string | null;
  status: ApplicationStatus;
  created_at: string;
}

/** Applications in a list: the latest created first. */
const APPLICATIONS_ORDER = Keyset.descending(['a.created_at', 'timestamp'], ['a.id', 'uuid']);

const SELECT_APPLICATIONS = `
  SELECT a.id, a.call_id, c.programme_code, a.applicant_type, a.cluster_id, a.org_number,
         COALESCE(cd.name, od.name) AS applicant_name, a.title, a.requested_nok::text AS requested,
         a.own_funding_nok::text AS own_funding, a.cofinancing_plan, a.status,
         ${isoTimestamp('a.created_at')} AS created_at
  FROM applications a
  JOIN calls c ON c.id = a.call_id
  LEFT JOIN cluster_directory cd ON cd.cluster_id = a.cluster_id
  LEFT JOIN organization_directory od ON od.org_number = a.org_number`;

export class ApplicationQueries {
  constructor(private readonly dataSource: DataSource) {}

  byId(context: RequestContext, id: string): Promise<ApplicationRecord | null> {
    return context.loaders
      .get<string, ApplicationRecord | null>('applications.byId', async (ids) => {
        const rows = await applicationsById(this.dataSource.manager, ids);
        return alignByKey(ids, rows, (row) => row.id);
      })
      .load(id);
  }

  ofCluster(context: RequestContext, clusterId: string): Promise<ApplicationRecord[]> {
    return context.loaders
      .get<string, ApplicationRecord[]>('applications.ofCluster', async (clusterIds) => {
        const rows: ApplicationRow[] = await this.dataSource.query(
          `${SELECT_APPLICATIONS} WHERE a.cluster_id = ANY($1::uuid[]) ORDER BY a.created_at DESC, a.id`,
          [clusterIds],
        );
        return groupByKey(clusterIds, rows.map(toRecord), (row) => row.applicant.clusterId ?? '');
      })
      .load(clusterId);
  }

  steps(context: RequestContext, applicationId: string): Promise<ApplicationStepType[]> {
    return context.loaders
      .get<string, ApplicationStepType[]>('applications.steps', async (ids) => {
        const rows: (ApplicationStepType & { application_id: string })[] = await this.dataSource.query(
          `SELECT application_id, status, actor, note,
                  ${isoTimestamp('at')} AS at
           FROM application_steps WHERE application_id = ANY($1::uuid[]) ORDER BY id`,
          [ids],
        );
        return groupByKey(ids, rows, (row) => row.application_id).map((steps) =>
          steps.map(({ status, actor, at, note }) => ({ status, actor, at, note })),
        );
      })
      .load(applicationId);
  }

  list(filter: ApplicationFilter | undefined, first: number, after: string | undefined): Promise<ConnectionPage<ApplicationRecord>> {
    const conditions = new SqlConditions();
    if (filter?.status) conditions.add('a.status = ?', filter.status);
    if (filter?.callId) conditions.add('a.call_id = ?::uuid', filter.callId);
    if (filter?.programmeCode) conditions.add('c.programme_code = ?', filter.programmeCode);
    if (filter?.clusterId) conditions.add('a.cluster_id = ?::uuid', filter.clusterId);
    if (filter?.orgNumber) conditions.add('a.org_number = ?', filter.orgNumber);
    return keysetPage(this.dataSource, {
      from: 'applications a JOIN calls c ON c.id = a.call_id',
      where: conditions,
      order: APPLICATIONS_ORDER,
      first,
      after,
      rows: async (tail, params) => (await this.dataSource.query<ApplicationRow[]>(`${SELECT_APPLICATIONS} ${tail}`, params)).map(toRecord),
      sortKey: (application) => [application.createdAt, application.id],
    });
  }
}

export async function applicationsById(manager: EntityManager, ids: readonly string[]): Promise<ApplicationRecord[]> {
  const valid = ids.filter((id) => isUuid(id));
  if (valid.length === 0) return [];
  const rows: ApplicationRow[] = await manager.query(`${SELECT_APPLICATIONS} WHERE a.id = ANY($1::uuid[])`, [valid]);
  return rows.map(toRecord);
}

function toRecord(row: ApplicationRow): ApplicationRecord {
  return {
    id: row.id,
    callId: row.call_id,
    programmeCode: row.programme_code,
    applicant: { type: row.applicant_type, clusterId: row.cluster_id, orgNumber: row.org_number, name: row.applicant_name },
    title: row.title,
    status: row.status,
    requested: nok(row.requested),
    ownFunding: nok(row.own_funding),
    cofinancingPlan: row.cofinancing_plan,
    createdAt: row.created_at,
  };
}
