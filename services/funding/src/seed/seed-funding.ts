import type { UnitOfWork } from '@klynge/platform';
import type { DataSource } from 'typeorm';
import { ProgrammeService } from '../programmes/programme.service';
import { SEED_AGENCIES, SEED_PROGRAMMES } from './seed-data';

/**
 * Loads the demo agencies, programmes and budgets through the same use cases as the API (so
 * BudgetAllocated goes out). Idempotent: what exists already is left as it is.
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
      await programmes.createProgramme(programme);
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
  return added;
}
