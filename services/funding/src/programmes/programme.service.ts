import { randomUUID } from 'node:crypto';
import { AgencyRegistered, BudgetAllocated, CallOpened, CLUSTER_LEVELS, orgNumberInput, ProgrammeCreated } from '@klynge/contracts';
import {
  BadUserInputError,
  ConflictError,
  dateWithin,
  isoDate,
  isoDateTime,
  nok,
  norwegianDate,
  NotFoundError,
  optionalIsoDate,
  optionalText,
  preciseDateInput,
  requiredText,
  translateConstraintErrors,
  type UnitOfWork,
  wholeAmount,
} from '@klynge/platform';
import type { EntityManager } from 'typeorm';
import { callsById, type ProgrammeRow, programmesByCode } from './programme.queries';
import type { AllocateBudgetInput, CallType, CreateProgrammeInput, OpenCallInput, RegisterAgencyInput } from './programme.types';

const ORGANIZATION_KINDS = ['COMPANY', 'RESEARCH_INSTITUTION', 'PUBLIC_BODY', 'OTHER'];

/** Setting up the money: agencies, programmes, yearly budgets, calls. */
export class ProgrammeService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async registerAgency(input: RegisterAgencyInput): Promise<void> {
    const code = requiredText('code', input.code, 50);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(code)) throw new BadUserInputError('code', 'code must be lower-case words joined by hyphens');
    const agency = {
      agencyCode: code,
      name: requiredText('name', input.name),
      kind: input.kind,
      orgNumber: input.orgNumber ? orgNumberInput('orgNumber', input.orgNumber) : null,
    };
    await translateConstraintErrors({ agencies_pkey: () => new ConflictError(`Agency ${code} exists already`, 'code') }, () =>
      this.unitOfWork.run(async ({ manager, publish }) => {
        await manager.query('INSERT INTO agencies (code, name, kind, org_number) VALUES ($1, $2, $3, $4)', [
          agency.agencyCode,
          agency.name,
          agency.kind,
          agency.orgNumber,
        ]);
        await publish(AgencyRegistered, { subject: code, data: agency });
      }),
    );
  }

  async createProgramme(input: CreateProgrammeInput): Promise<void> {
    const code = requiredText('code', input.code, 50);
    if (!/^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(code)) throw new BadUserInputError('code', 'code must be UPPER-CASE words joined by hyphens');
    for (const [index, kind] of (input.eligibleOrganizationKinds ?? []).entries()) {
      if (!ORGANIZATION_KINDS.includes(kind)) {
        throw new BadUserInputError(`eligibleOrganizationKinds[${index}]`, `must be one of ${ORGANIZATION_KINDS.join(', ')}`);
      }
    }
    const periodStart = preciseDateInput('periodStart', isoDate('periodStart', input.periodStart), input.periodStartPrecision);
    const periodEnd = optionalIsoDate('periodEnd', input.periodEnd);
    if (periodEnd !== null) preciseDateInput('periodEnd', periodEnd, input.periodEndPrecision, { end: true });
    if (periodEnd !== null && periodEnd < periodStart) throw new BadUserInputError('periodEnd', 'periodEnd must not be before periodStart');
    const programme = {
      programmeCode: code,
      agencyCode: input.agencyCode,
      name: requiredText('name', input.name),
      purpose: optionalText('purpose', input.purpose, 2_000),
      // null stays null: not known is not "none".
      eligibleClusterLevels:
        input.eligibleClusterLevels && [...new Set(input.eligibleClusterLevels)].filter((level) => CLUSTER_LEVELS.includes(level)),
      eligibleOrganizationKinds: input.eligibleOrganizationKinds && [...new Set(input.eligibleOrganizationKinds)],
      periodStart,
      periodStartPrecision: input.periodStartPrecision,
      periodEnd,
      periodEndPrecision: periodEnd === null ? null : input.periodEndPrecision,
    };
    await translateConstraintErrors(
      {
        funding_programmes_pkey: () => new ConflictError(`Programme ${code} exists already`, 'code'),
        funding_programmes_agency_code_fkey: () => new NotFoundError('Agency', input.agencyCode, 'agencyCode'),
      },
      () =>
        this.unitOfWork.run(async ({ manager, publish }) => {
          await manager.query(
            `INSERT INTO funding_programmes (code, name, agency_code, purpose, eligible_cluster_levels,
               eligible_organization_kinds, period_start, period_end, period_start_precision, period_end_precision)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
            [
              programme.programmeCode,
              programme.name,
              programme.agencyCode,
              programme.purpose,
              programme.eligibleClusterLevels,
              programme.eligibleOrganizationKinds,
              programme.periodStart,
              programme.periodEnd,
              programme.periodStartPrecision,
              programme.periodEndPrecision,
            ],
          );
          await publish(ProgrammeCreated, { subject: code, data: programme });
        }),
    );
  }

  /**
   * Sets a programme's budget for a year (a new one, or a change). It may not fall below what is
   * already granted from it; co-funders' parts add up to it.
   */
  async allocateBudget(input: AllocateBudgetInput): Promise<void> {
    const amount = wholeAmount('amount', input.amount);
    if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2100) {
      throw new BadUserInputError('year', 'year must be from 1990 to 2100');
    }
    const cofunders = input.cofunders.map((cofunder, index) => ({
      name: requiredText(`cofunders[${index}].name`, cofunder.name),
      amount: wholeAmount(`cofunders[${index}].amount`, cofunder.amount),
    }));
    if (cofunders.length > 0 && cofunders.reduce((sum, cofunder) => sum + cofunder.amount, 0n) !== amount) {
      throw new BadUserInputError('cofunders', "The co-funders' parts must add up to the amount");
    }
    if (new Set(cofunders.map((cofunder) => cofunder.name)).size !== cofunders.length) {
      throw new BadUserInputError('cofunders', 'Each co-funder may appear once');
    }
    await this.unitOfWork.run(async ({ manager, publish }) => {
      const programme = await lockProgramme(manager, input.programmeCode, 'programmeCode');
      // Awards lock the same row: none can slip in between this check and the change.
      await manager.query('SELECT 1 FROM budgets WHERE programme_code = $1 AND year = $2 FOR UPDATE', [programme.code, input.year]);
      const [{ granted }] = await manager.query<[{ granted: string }]>(
        `SELECT COALESCE(sum(amount_nok), 0)::text AS granted FROM grants
         WHERE programme_code = $1 AND budget_year = $2 AND status <> 'CANCELLED'`,
        [programme.code, input.year],
      );
      if (amount < BigInt(granted)) {
        throw new ConflictError(`NOK ${granted} is already granted from this budget; it cannot be less`, 'amount');
      }
      await manager.query(
        `INSERT INTO budgets (programme_code, year, amount_nok) VALUES ($1, $2, $3)
         ON CONFLICT (programme_code, year) DO UPDATE SET amount_nok = EXCLUDED.amount_nok`,
        [programme.code, input.year, amount.toString()],
      );
      await manager.query('DELETE FROM budget_cofunders WHERE programme_code = $1 AND year = $2', [programme.code, input.year]);
      for (const cofunder of cofunders) {
        await manager.query('INSERT INTO budget_cofunders (programme_code, year, name, amount_nok) VALUES ($1, $2, $3, $4)', [
          programme.code,
          input.year,
          cofunder.name,
          cofunder.amount.toString(),
        ]);
      }
      await publish(BudgetAllocated, {
        subject: `${programme.code}:${input.year}`,
        data: {
          programmeCode: programme.code,
          agencyCode: programme.agencyCode,
          year: input.year,
          amount: nok(amount),
          cofunders: cofunders.map((cofunder) => ({ name: cofunder.name, amount: nok(cofunder.amount) })),
        },
      });
    });
  }

  /** A call's dates lie inside its programme's period: it opens, closes and is decided within it. */
  async openCall(input: OpenCallInput): Promise<CallType> {
    const opensOn = isoDate('opensOn', input.opensOn);
    const closesAt = isoDateTime('closesAt', input.closesAt);
    const closesOn = norwegianDate(closesAt);
    if (closesOn < opensOn) throw new BadUserInputError('closesAt', 'closesAt must be after opensOn');
    const decisionDate = optionalIsoDate('decisionDate', input.decisionDate);
    if (decisionDate !== null) dateWithin('decisionDate', decisionDate, { notBefore: [opensOn, 'when the call opens'] });
    const id = randomUUID();
    return this.unitOfWork.run(async ({ manager, publish }) => {
      const programme = await lockProgramme(manager, input.programmeCode, 'programmeCode');
      const inside = {
        notBefore: [programme.periodStart, `when programme ${programme.code} begins`],
        notAfter: [programme.periodEnd, `when programme ${programme.code} ends`],
      } as const;
      dateWithin('opensOn', opensOn, inside);
      dateWithin('closesAt', closesOn, inside);
      if (decisionDate !== null) dateWithin('decisionDate', decisionDate, inside);
      await manager.query(
        `INSERT INTO calls (id, programme_code, title, target_level, opens_on, closes_at, decision_date, project_start)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          input.programmeCode,
          requiredText('title', input.title),
          input.targetLevel ?? null,
          opensOn,
          closesAt.toISOString(),
          decisionDate,
          optionalIsoDate('projectStart', input.projectStart),
        ],
      );
      const [call] = await callsById(manager, [id]);
      await publish(CallOpened, {
        // On the programme's stream, keyed by it: a programme's calls stay in order with it.
        subject: programme.code,
        data: {
          callId: id,
          programmeCode: programme.code,
          agencyCode: programme.agencyCode,
          title: call!.title,
          targetLevel: call!.targetLevel,
          opensOn: call!.opensOn,
          closesAt: call!.closesAt,
          decisionDate: call!.decisionDate,
          projectStart: call!.projectStart,
        },
      });
      return call!;
    });
  }
}

export async function lockProgramme(manager: EntityManager, code: string, field: string): Promise<ProgrammeRow> {
  const [programme] = await programmesByCode(manager, [code]);
  if (!programme) throw new NotFoundError('FundingProgramme', code, field);
  await manager.query('SELECT 1 FROM funding_programmes WHERE code = $1 FOR SHARE', [code]);
  return programme;
}
