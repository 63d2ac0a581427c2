import { alignByKey, groupByKey, isoTimestamp, isUuid, nok, osloDate, type RequestContext } from '@klynge/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { AgencyType, BudgetType, CallType, FundingProgrammeType } from './programme.types';

export interface ProgrammeRow extends FundingProgrammeType {
  agencyCode: string;
}

const PROGRAMME_COLUMNS = `code, name, agency_code AS "agencyCode", purpose, eligible_cluster_levels AS "eligibleClusterLevels",
  eligible_organization_kinds AS "eligibleOrganizationKinds", period_start::text AS "periodStart", period_end::text AS "periodEnd",
  period_start_precision AS "periodStartPrecision", period_end_precision AS "periodEndPrecision"`;
const CALL_COLUMNS = `id, programme_code AS "programmeCode", title, target_level AS "targetLevel", opens_on::text AS "opensOn",
  ${isoTimestamp('closes_at', 'seconds')} AS "closesAt",
  decision_date::text AS "decisionDate", project_start::text AS "projectStart",
  extract(year FROM COALESCE(decision_date, ${osloDate('closes_at')}))::int AS "budgetYear"`;

/** Reads of agencies, programmes, budgets and calls; lookups by key batched per request. */
export class ProgrammeQueries {
  constructor(private readonly dataSource: DataSource) {}

  agencies(): Promise<AgencyType[]> {
    return this.dataSource.query(`SELECT code, name, kind, org_number AS "orgNumber" FROM agencies ORDER BY name`);
  }

  agency(context: RequestContext, code: string): Promise<AgencyType | null> {
    return context.loaders
      .get<string, AgencyType | null>('agencies.byCode', async (codes) => {
        const rows: AgencyType[] = await this.dataSource.query(
          `SELECT code, name, kind, org_number AS "orgNumber" FROM agencies WHERE code = ANY($1)`,
          [codes],
        );
        return alignByKey(codes, rows, (row) => row.code);
      })
      .load(code);
  }

  programmes(agencyCode?: string): Promise<ProgrammeRow[]> {
    return this.dataSource.query(
      `SELECT ${PROGRAMME_COLUMNS} FROM funding_programmes WHERE $1::text IS NULL OR agency_code = $1 ORDER BY name`,
      [agencyCode ?? null],
    );
  }

  programme(context: RequestContext, code: string): Promise<ProgrammeRow | null> {
    return context.loaders
      .get<string, ProgrammeRow | null>('programmes.byCode', async (codes) => {
        const rows = await programmesByCode(this.dataSource.manager, codes);
        return alignByKey(codes, rows, (row) => row.code);
      })
      .load(code);
  }

  /** Budgets with what is granted and what remains, computed in SQL. */
  async budgets(filter: { programmeCode?: string; year?: number }): Promise<BudgetType[]> {
    const rows: { programme_code: string; year: number; amount: string; granted: string }[] = await this.dataSource.query(
      `SELECT b.programme_code, b.year, b.amount_nok::text AS amount,
              COALESCE((SELECT sum(g.amount_nok) FROM grants g
                        WHERE g.programme_code = b.programme_code AND g.budget_year = b.year AND g.status <> 'CANCELLED'), 0)::text AS granted
       FROM budgets b
       WHERE ($1::text IS NULL OR b.programme_code = $1) AND ($2::int IS NULL OR b.year = $2)
       ORDER BY b.programme_code, b.year`,
      [filter.programmeCode ?? null, filter.year ?? null],
    );
    const cofunders: { programme_code: string; year: number; name: string; amount: string }[] = rows.length
      ? await this.dataSource.query(
          `SELECT programme_code, year, name, amount_nok::text AS amount FROM budget_cofunders
           WHERE (programme_code, year) IN (SELECT * FROM unnest($1::text[], $2::int[])) ORDER BY amount_nok DESC, name`,
          [rows.map((row) => row.programme_code), rows.map((row) => row.year)],
        )
      : [];
    const keys = rows.map((row) => `${row.programme_code}:${row.year}`);
    const byBudget = groupByKey(keys, cofunders, (row) => `${row.programme_code}:${row.year}`);
    return rows.map((row, index) => ({
      programmeCode: row.programme_code,
      year: row.year,
      amount: nok(row.amount),
      cofunders: byBudget[index]!.map((cofunder) => ({
        name: cofunder.name,
        amount: nok(cofunder.amount),
        share: Number((BigInt(cofunder.amount) * 10_000n) / BigInt(row.amount)) / 10_000,
      })),
      granted: nok(row.granted),
      remaining: nok(BigInt(row.amount) - BigInt(row.granted)),
    }));
  }

  /** Calls open at `at` (default now): opened, and the deadline not passed. */
  openCalls(at: Date = new Date()): Promise<CallType[]> {
    return this.dataSource.query(
      `SELECT ${CALL_COLUMNS} FROM calls WHERE opens_on <= ${osloDate('$1::timestamptz')} AND closes_at > $1
       ORDER BY closes_at, title`,
      [at.toISOString()],
    );
  }

  callsOf(context: RequestContext, programmeCode: string): Promise<CallType[]> {
    return context.loaders
      .get<string, CallType[]>('calls.ofProgramme', async (codes) => {
        const rows: CallType[] = await this.dataSource.query(
          `SELECT ${CALL_COLUMNS} FROM calls WHERE programme_code = ANY($1) ORDER BY opens_on DESC, title`,
          [codes],
        );
        return groupByKey(codes, rows, (row) => row.programmeCode);
      })
      .load(programmeCode);
  }

  call(context: RequestContext, id: string): Promise<CallType | null> {
    return context.loaders
      .get<string, CallType | null>('calls.byId', async (ids) => {
        const rows = await callsById(this.dataSource.manager, ids);
        return alignByKey(ids, rows, (row) => row.id);
      })
      .load(id);
  }
}

export function programmesByCode(manager: EntityManager, codes: readonly string[]): Promise<ProgrammeRow[]> {
  return manager.query(`SELECT ${PROGRAMME_COLUMNS} FROM funding_programmes WHERE code = ANY($1)`, [codes]);
}

export function callsById(manager: EntityManager, ids: readonly string[]): Promise<CallType[]> {
  const valid = ids.filter((id) => isUuid(id));
  return valid.length ? manager.query(`SELECT ${CALL_COLUMNS} FROM calls WHERE id = ANY($1::uuid[])`, [valid]) : Promise.resolve([]);
}
