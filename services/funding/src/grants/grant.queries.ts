import {
  type AgencySupportYearType,
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
import { currentMembership } from '@klynge/read-models';
import type { DataSource } from 'typeorm';
import type { DisbursementType, FundingYearType, GrantFilter, GrantType } from './grant.types';

/** One recipient of a grant: a cluster, an organisation, or (reported grants) only a name. */
export interface GrantRecipientRecord {
  clusterId: string | null;
  orgNumber: string | null;
  /** As the source names it (reported grants), else as last heard from the clusters service. */
  name: string | null;
}

/** A grant as resolvers see it: the GraphQL fields, what it refers to, and what is paid. */
export interface GrantRecord extends GrantType {
  /** Null for a reported grant, made outside the workflow. */
  applicationId: string | null;
  programmeCode: string;
  agencyCode: string;
  recipients: GrantRecipientRecord[];
  title: string;
  /** What was applied for; null for a reported grant. */
  amountRequested: string | null;
  amountPaid: string;
  /** Whether Klynge holds the grant's payments: awarded here, or a payment recorded on it. */
  paymentsRecorded: boolean;
  updatedAt: string;
}

interface GrantRow {
  id: string;
  application_id: string | null;
  programme_code: string;
  agency_code: string;
  recipients: GrantRecipientRecord[];
  title: string;
  requested: string | null;
  amount: string;
  own_share: string;
  paid: string;
  award_date: string;
  award_date_precision: GrantType['awardDatePrecision'];
  planned_start: string | null;
  planned_end: string | null;
  budget_year: number;
  status: string;
  source: string | null;
  updated_at: string;
}

/** Grants in a list: the latest awarded first. */
const GRANTS_ORDER = Keyset.descending(['g.award_date', 'date'], ['g.id', 'uuid']);

const SELECT_GRANTS = `
  SELECT g.id, g.application_id, g.programme_code, p.agency_code,
         (SELECT json_agg(json_build_object('clusterId', r.cluster_id, 'orgNumber', r.org_number,
                                            'name', COALESCE(r.name, cd.name, od.name)) ORDER BY r.position)
          FROM grant_recipients r
          LEFT JOIN cluster_directory cd ON cd.cluster_id = r.cluster_id
          LEFT JOIN organization_directory od ON od.org_number = r.org_number
          WHERE r.grant_id = g.id) AS recipients,
         COALESCE(a.title, g.title) AS title, a.requested_nok::text AS requested,
         g.amount_nok::text AS amount, g.own_share_nok::text AS own_share,
         COALESCE((SELECT sum(d.amount_nok) FROM disbursements d WHERE d.grant_id = g.id), 0)::text AS paid,
         g.award_date::text, g.award_date_precision, g.planned_start::text, g.planned_end::text, g.budget_year, g.status, g.source,
         ${isoTimestamp('g.updated_at', 'seconds')} AS updated_at
  FROM grants g
  LEFT JOIN applications a ON a.id = g.application_id
  JOIN funding_programmes p ON p.code = g.programme_code`;

/** The grants one of whose recipients is in `$1` (cluster ids or organisation numbers). */
const RECIPIENT_IN = {
  cluster_id: 'g.id IN (SELECT grant_id FROM grant_recipients WHERE cluster_id = ANY($1::uuid[]))',
  org_number: 'g.id IN (SELECT grant_id FROM grant_recipients WHERE org_number = ANY($1::text[]))',
} as const;

export class GrantQueries {
  constructor(private readonly dataSource: DataSource) {}

  byId(context: RequestContext, id: string): Promise<GrantRecord | null> {
    return context.loaders
      .get<string, GrantRecord | null>('grants.byId', async (ids) => {
        const valid = ids.filter((value) => isUuid(value));
        const rows: GrantRow[] = valid.length ? await this.dataSource.query(`${SELECT_GRANTS} WHERE g.id = ANY($1::uuid[])`, [valid]) : [];
        return alignByKey(ids, rows.map(toRecord), (row) => row.id);
      })
      .load(id);
  }

  ofApplication(context: RequestContext, applicationId: string): Promise<GrantRecord | null> {
    return context.loaders
      .get<string, GrantRecord | null>('grants.ofApplication', async (ids) => {
        const rows: GrantRow[] = await this.dataSource.query(`${SELECT_GRANTS} WHERE g.application_id = ANY($1::uuid[])`, [ids]);
        return alignByKey(ids, rows.map(toRecord), (row) => row.applicationId ?? '');
      })
      .load(applicationId);
  }

  /** Grants to a cluster or to an organisation, batched per request. */
  ofRecipient(context: RequestContext, recipient: { clusterId: string } | { orgNumber: string }): Promise<GrantRecord[]> {
    const [column, key] =
      'clusterId' in recipient ? (['cluster_id', recipient.clusterId] as const) : (['org_number', recipient.orgNumber] as const);
    const keyOf = (one: GrantRecipientRecord) => (column === 'cluster_id' ? one.clusterId : one.orgNumber);
    return context.loaders
      .get<string, GrantRecord[]>(`grants.of:${column}`, async (keys) => {
        const rows: GrantRow[] = await this.dataSource.query(
          `${SELECT_GRANTS} WHERE ${RECIPIENT_IN[column]} ORDER BY g.award_date DESC, g.id`,
          [keys],
        );
        const grants = rows.map(toRecord);
        // A grant to several recipients (a consortium) is among the grants of each.
        return keys.map((one) => grants.filter((grant) => grant.recipients.some((to) => keyOf(to) === one)));
      })
      .load(key);
  }

  disbursements(context: RequestContext, grantId: string): Promise<DisbursementType[]> {
    return context.loaders
      .get<string, DisbursementType[]>('grants.disbursements', async (ids) => {
        const rows: { id: string; grant_id: string; amount: string; paid_on: string; reference: string | null }[] =
          await this.dataSource.query(
            `SELECT id, grant_id, amount_nok::text AS amount, paid_on::text, reference FROM disbursements
             WHERE grant_id = ANY($1::uuid[]) ORDER BY paid_on, recorded_at`,
            [ids],
          );
        return groupByKey(ids, rows, (row) => row.grant_id).map((payments) =>
          payments.map((row) => ({ id: row.id, amount: nok(row.amount), paidOn: row.paid_on, reference: row.reference })),
        );
      })
      .load(grantId);
  }

  /** Total granted to a cluster, optionally for one award year and programme, batched per request. */
  /** Null where no grant to the cluster (of that year and programme) is recorded: Klynge does not hold every grant. */
  fundingTotal(context: RequestContext, clusterId: string, filter: { year?: number; programmeCode?: string }): Promise<string | null> {
    return context.loaders
      .get<string, string | null>(`grants.total:${filter.year ?? ''}:${filter.programmeCode ?? ''}`, async (ids) => {
        const rows: { cluster_id: string; total: string }[] = await this.dataSource.query(
          `SELECT r.cluster_id, sum(g.amount_nok)::text AS total FROM grants g JOIN grant_recipients r ON r.grant_id = g.id
           WHERE r.cluster_id = ANY($1::uuid[]) AND g.status <> 'CANCELLED'
             AND ($2::int IS NULL OR g.budget_year = $2) AND ($3::text IS NULL OR g.programme_code = $3)
           GROUP BY r.cluster_id`,
          [ids, filter.year ?? null, filter.programmeCode ?? null],
        );
        return alignByKey(ids, rows, (row) => row.cluster_id).map((row) => row?.total ?? null);
      })
      .load(clusterId);
  }

  /** A cluster's granted and paid amounts per year, oldest first, batched per request. */
  fundingByYear(context: RequestContext, clusterId: string): Promise<FundingYearType[]> {
    return context.loaders
      .get<string, FundingYearType[]>('grants.byYear', async (ids) => {
        const rows: { cluster_id: string; year: number; granted: string; paid: string; payments_recorded: boolean }[] =
          await this.dataSource.query(
            `WITH cluster_grants AS (
               SELECT g.id, g.amount_nok, g.budget_year, g.status, g.application_id, r.cluster_id
               FROM grants g JOIN grant_recipients r ON r.grant_id = g.id
               WHERE r.cluster_id = ANY($1::uuid[])
             ),
             -- Whether any of the cluster's grants has its payments recorded here (see paymentsRecorded). IN, not a
             -- correlated EXISTS: the planner prices EXISTS per grant, which put the statement over PostgreSQL's
             -- jit_above_cost, and compiling it took 25-80 ms per request of the dashboard (250 clusters' 12,500 grants).
             recorded AS (
               SELECT cg.cluster_id, bool_or(cg.application_id IS NOT NULL OR cg.id IN (SELECT d.grant_id FROM disbursements d)) AS any
               FROM cluster_grants cg GROUP BY cg.cluster_id
             )
             SELECT a.cluster_id, year, sum(granted)::text AS granted, sum(paid)::text AS paid, bool_or(recorded.any) AS payments_recorded FROM (
               SELECT cluster_id, budget_year AS year, amount_nok AS granted, 0 AS paid FROM cluster_grants WHERE status <> 'CANCELLED'
               UNION ALL
               SELECT cg.cluster_id, extract(year FROM d.paid_on)::int, 0, d.amount_nok
               FROM disbursements d JOIN cluster_grants cg ON cg.id = d.grant_id
             ) AS a JOIN recorded USING (cluster_id)
             GROUP BY a.cluster_id, year ORDER BY year`,
            [ids],
          );
        return groupByKey(ids, rows, (row) => row.cluster_id).map((years) =>
          years.map((row) => ({
            year: row.year,
            granted: nok(row.granted),
            // Paid is not known where none of the cluster's grants has its payments recorded.
            paid: row.payments_recorded ? nok(row.paid) : null,
          })),
        );
      })
      .load(clusterId);
  }

  /**
   * What a cluster and its current members were granted, per agency and budget year, batched per
   * request. A grant to several of them (a consortium) counts once, whole: how it is split among
   * its recipients is not known.
   */
  supportByYear(context: RequestContext, clusterId: string): Promise<AgencySupportYearType[]> {
    return context.loaders
      .get<string, AgencySupportYearType[]>('grants.supportByYear', async (ids) => {
        const rows: { cluster_id: string; agency_code: string; year: number; amount: string }[] = await this.dataSource.query(
          `WITH supported AS (
             SELECT DISTINCT c.cluster_id, g.id, g.amount_nok, g.budget_year, p.agency_code
             FROM unnest($1::uuid[]) AS c(cluster_id)
             JOIN grant_recipients r ON r.cluster_id = c.cluster_id
               OR r.org_number IN (SELECT m.org_number FROM membership_directory m WHERE m.cluster_id = c.cluster_id AND ${currentMembership('m')})
             JOIN grants g ON g.id = r.grant_id AND g.status <> 'CANCELLED'
             JOIN funding_programmes p ON p.code = g.programme_code
           )
           SELECT cluster_id, agency_code, budget_year AS year, sum(amount_nok)::text AS amount
           FROM supported GROUP BY cluster_id, agency_code, budget_year ORDER BY budget_year, agency_code`,
          [ids.filter(isUuid)],
        );
        return groupByKey(ids, rows, (row) => row.cluster_id).map((years) =>
          years.map((row) => ({ agencyCode: row.agency_code, year: row.year, amount: nok(row.amount) })),
        );
      })
      .load(clusterId);
  }

  list(filter: GrantFilter | undefined, first: number, after: string | undefined): Promise<ConnectionPage<GrantRecord>> {
    const conditions = new SqlConditions();
    if (filter?.programmeCode) conditions.add('g.programme_code = ?', filter.programmeCode);
    if (filter?.agencyCode) conditions.add('p.agency_code = ?', filter.agencyCode);
    if (filter?.year !== undefined) conditions.add('g.budget_year = ?', filter.year);
    if (filter?.clusterId) conditions.add('g.id IN (SELECT grant_id FROM grant_recipients WHERE cluster_id = ?::uuid)', filter.clusterId);
    if (filter?.orgNumber) conditions.add('g.id IN (SELECT grant_id FROM grant_recipients WHERE org_number = ?)', filter.orgNumber);
    return keysetPage(this.dataSource, {
      from: 'grants g JOIN funding_programmes p ON p.code = g.programme_code',
      where: conditions,
      order: GRANTS_ORDER,
      first,
      after,
      rows: async (tail, params) => (await this.dataSource.query<GrantRow[]>(`${SELECT_GRANTS} ${tail}`, params)).map(toRecord),
      sortKey: (grant) => [grant.awardDate, grant.id],
    });
  }
}

function toRecord(row: GrantRow): GrantRecord {
  return {
    id: row.id,
    applicationId: row.application_id,
    programmeCode: row.programme_code,
    agencyCode: row.agency_code,
    recipients: row.recipients,
    title: row.title,
    amountRequested: row.requested,
    amountAwarded: nok(row.amount),
    // A reported grant's own share is not in its source; a grant awarded here has its payments recorded.
    ownShare: row.application_id === null ? null : nok(row.own_share),
    amountPaid: row.paid,
    paymentsRecorded: row.application_id !== null || row.paid !== '0',
    awardDate: row.award_date,
    awardDatePrecision: row.award_date_precision,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    budgetYear: row.budget_year,
    status: row.status,
    source: row.source,
    updatedAt: row.updated_at,
  };
}
