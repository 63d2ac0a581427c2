import type { UnitOfWork } from '@klynge/platform';
import type { DataSource } from 'typeorm';
import type { Caller } from '@klynge/platform';
import { GrantService } from '../grants/grant.service';
import { ProgrammeService } from '../programmes/programme.service';
import { seedProgrammeFacts } from '../reported-figures/seed-programme-facts';
import { SEED_AGENCIES, SEED_PROGRAMMES, SEED_REPORTED_GRANTS } from './seed-data';

/** The demo data is loaded by the operator who starts the service, as an admin would enter it. */
const SEED_CALLER: Caller = { subject: 'seed', roles: ['admin'] };

/**
 * Loads the demo agencies, programmes, budgets and reported grants through the same use cases as
 * the API (so BudgetAllocated and GrantReported go out). Idempotent: what exists already is left
 * as it is. A reported grant to a demo cluster waits until the clusters service has told this one
 * of that cluster (see fundingSeedReady).
 */
export async function seedFunding(dataSource: DataSource, unitOfWork: UnitOfWork): Promise<string[]> {
  const programmes = new ProgrammeService(unitOfWork);
  const exists = async (sql: string, params: unknown[]) => (await dataSource.query<unknown[]>(sql, params)).length > 0;
  const added: string[] = [];
  for (const agency of SEED_AGENCIES) {
    if (await exists('SELECT 1 FROM agencies WHERE code = $1', [agency.code])) continue;
    await programmes.registerAgency(agency);
    added.push(agency.name);
  }
  for (const { budgets, ...programme } of SEED_PROGRAMMES) {
    if (!(await exists('SELECT 1 FROM funding_programmes WHERE code = $1', [programme.code]))) {
      // Every period in the notes is a year ("from 2017", "2015, continued 2016").
      await programmes.createProgramme({ ...programme, periodStartPrecision: 'YEAR', periodEndPrecision: 'YEAR' });
      added.push(programme.name);
    }
    for (const budget of budgets) {
      if (await exists('SELECT 1 FROM budgets WHERE programme_code = $1 AND year = $2', [programme.code, budget.year])) continue;
      await programmes.allocateBudget({
        programmeCode: programme.code,
        year: budget.year,
        amount: budget.amount,
        cofunders: budget.cofunders ?? [],
      });
      added.push(`${programme.code} ${budget.year} budget`);
    }
  }
  if ((await seedProgrammeFacts(dataSource)) > 0) added.push("the programme's reported figures");
  const grants = new GrantService(unitOfWork);
  for (const grant of SEED_REPORTED_GRANTS) {
    if (await exists('SELECT 1 FROM grants WHERE source = $1 AND title = $2', [grant.source, grant.title])) continue;
    const clusters = await clusterIds(dataSource, grant);
    if (clusters === null) continue;
    await grants.recordReportedGrant(
      {
        programmeCode: grant.programmeCode,
        budgetYear: grant.budgetYear,
        amountAwarded: grant.amountAwarded,
        awardDate: `${grant.awardYear}-01-01`,
        awardDatePrecision: 'YEAR',
        title: grant.title,
        source: grant.source,
        recipients: grant.recipients.map((recipient) => ({
          name: recipient.name,
          ...(recipient.cluster ? { clusterId: clusters.get(recipient.cluster)! } : {}),
        })),
      },
      () => SEED_CALLER,
    );
    added.push(grant.title);
  }
  return added;
}

/** Whether every demo cluster a reported grant went to has reached this service's cluster directory. */
export async function fundingSeedReady(dataSource: DataSource): Promise<boolean> {
  for (const grant of SEED_REPORTED_GRANTS) if ((await clusterIds(dataSource, grant)) === null) return false;
  return true;
}

/** The ids of the demo clusters a grant went to, by name; null while one is not known here yet. */
async function clusterIds(dataSource: DataSource, grant: (typeof SEED_REPORTED_GRANTS)[number]): Promise<Map<string, string> | null> {
  const names = grant.recipients.flatMap((recipient) => (recipient.cluster ? [recipient.cluster] : []));
  const rows = await dataSource.query<{ cluster_id: string; name: string }[]>(
    'SELECT cluster_id, name FROM cluster_directory WHERE name = ANY($1)',
    [names],
  );
  return rows.length === names.length ? new Map(rows.map((row) => [row.name, row.cluster_id])) : null;
}
