import { randomUUID } from 'node:crypto';
import { DisbursementPaid, GrantReported, orgNumberInput, type ReportedRecipientData } from '@klynge/contracts';
import {
  BadUserInputError,
  type Caller,
  ConflictError,
  dateWithin,
  isoDate,
  isUuid,
  nok,
  norwegianDate,
  NotFoundError,
  optionalText,
  preciseDateInput,
  requiredText,
  type UnitOfWork,
  wholeAmount,
} from '@klynge/platform';
import { requireKnownClusters } from '@klynge/read-models';
import type { EntityManager } from 'typeorm';
import { programmesByCode } from '../programmes/programme.queries';
import { chargeBudget } from './grant-budget';
import type { DisbursementType, RecordDisbursementInput, RecordReportedGrantInput } from './grant.types';

export class GrantService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Records a grant made outside the application workflow as a public source reports it: to one or
   * several recipients, charged to the programme's budget for `budgetYear` like any grant. A
   * recipient given as a cluster or an organisation must be one the clusters service has told us
   * of (an unknown id would show as a blank recipient); one known only by name stays a name.
   */
  async recordReportedGrant(input: RecordReportedGrantInput, authorize: (agencyCode: string) => Caller): Promise<string> {
    const amount = wholeAmount('amountAwarded', input.amountAwarded);
    const today = norwegianDate(this.clock());
    const awardDate = preciseDateInput(
      'awardDate',
      dateWithin('awardDate', isoDate('awardDate', input.awardDate), { notAfter: [today, 'today'] }),
      input.awardDatePrecision,
    );
    const title = requiredText('title', input.title);
    const source = requiredText('source', input.source, 300);
    if (input.recipients.length === 0) throw new BadUserInputError('recipients', 'A grant needs at least one recipient');
    const recipients = input.recipients.map((recipient, index) => ({
      name: requiredText(`recipients[${index}].name`, recipient.name),
      clusterId: recipient.clusterId ?? null,
      orgNumber:
        recipient.orgNumber === undefined || recipient.orgNumber === null
          ? null
          : orgNumberInput(`recipients[${index}].orgNumber`, recipient.orgNumber),
    }));
    const id = randomUUID();
    await this.unitOfWork.run(async ({ manager, publish }) => {
      const [programme] = await programmesByCode(manager, [input.programmeCode]);
      if (!programme) throw new NotFoundError('FundingProgramme', input.programmeCode, 'programmeCode');
      authorize(programme.agencyCode);
      for (const [index, recipient] of recipients.entries()) await mustBeKnown(manager, recipient, index);
      const budget = await manager.query<unknown[]>('SELECT 1 FROM budgets WHERE programme_code = $1 AND year = $2', [
        programme.code,
        input.budgetYear,
      ]);
      if (budget.length === 0)
        throw new BadUserInputError('budgetYear', `Programme ${programme.code} has no budget for ${input.budgetYear}`);
      await chargeBudget(manager, programme.code, input.budgetYear, amount);
      await manager.query(
        `INSERT INTO grants (id, application_id, programme_code, budget_year, amount_nok, own_share_nok, award_date,
           award_date_precision, planned_start, planned_end, status, title, source)
         VALUES ($1, NULL, $2, $3, $4, 0, $5, $6, NULL, NULL, 'ACTIVE', $7, $8)`,
        [id, programme.code, input.budgetYear, amount.toString(), awardDate, input.awardDatePrecision, title, source],
      );
      for (const [index, recipient] of recipients.entries()) {
        await manager.query('INSERT INTO grant_recipients (grant_id, position, name, cluster_id, org_number) VALUES ($1, $2, $3, $4, $5)', [
          id,
          index + 1,
          recipient.name,
          recipient.clusterId,
          recipient.orgNumber,
        ]);
      }
      await publish(GrantReported, {
        subject: id,
        data: {
          grantId: id,
          programmeCode: programme.code,
          agencyCode: programme.agencyCode,
          recipients,
          amountAwarded: nok(amount),
          awardDate,
          awardDatePrecision: input.awardDatePrecision,
          budgetYear: input.budgetYear,
          source,
        },
      });
    });
    return id;
  }

  /**
   * Records a payment against a grant, made between its award and today. The grant row is locked while the payments are added up,
   * so concurrent payments cannot together exceed it.
   */
  async recordDisbursement(input: RecordDisbursementInput, authorize: (agencyCode: string) => Caller): Promise<DisbursementType> {
    const amount = wholeAmount('amount', input.amount);
    const today = norwegianDate(this.clock());
    const paidOn = dateWithin('paidOn', isoDate('paidOn', input.paidOn), { notAfter: [today, 'today: record a payment once it is made'] });
    const reference = optionalText('reference', input.reference, 200);
    const id = randomUUID();
    return this.unitOfWork.run(async ({ manager, publish }) => {
      // Lock the grant, then add up its payments in a later statement: that one's snapshot sees
      // the payments committed while we waited for the lock.
      const [grant] = isUuid(input.grantId)
        ? await manager.query<{ id: string; amount: string; status: string; agency_code: string; award_date: string }[]>(
            `SELECT g.id, g.amount_nok::text AS amount, g.status, p.agency_code, g.award_date::text AS award_date
             FROM grants g JOIN funding_programmes p ON p.code = g.programme_code WHERE g.id = $1 FOR UPDATE OF g`,
            [input.grantId],
          )
        : [];
      if (!grant) throw new NotFoundError('Grant', input.grantId, 'grantId');
      authorize(grant.agency_code);
      if (grant.status === 'CANCELLED') throw new ConflictError('The grant is cancelled', 'grantId');
      dateWithin('paidOn', paidOn, { notBefore: [grant.award_date, 'when the grant was awarded'] });
      const [{ paid }] = await manager.query<[{ paid: string }]>(
        'SELECT COALESCE(sum(amount_nok), 0)::text AS paid FROM disbursements WHERE grant_id = $1',
        [grant.id],
      );
      const totalPaid = BigInt(paid) + amount;
      if (totalPaid > BigInt(grant.amount)) {
        throw new ConflictError(
          `NOK ${amount} would bring payments to NOK ${totalPaid}, more than the NOK ${grant.amount} granted (NOK ${paid} paid)`,
          'amount',
        );
      }
      await manager.query('INSERT INTO disbursements (id, grant_id, amount_nok, paid_on, reference) VALUES ($1, $2, $3, $4, $5)', [
        id,
        grant.id,
        amount.toString(),
        paidOn,
        reference,
      ]);
      await manager.query('UPDATE grants SET updated_at = now() WHERE id = $1', [grant.id]);
      await publish(DisbursementPaid, {
        subject: grant.id,
        data: { disbursementId: id, grantId: grant.id, amount: nok(amount), paidOn, totalPaid: nok(totalPaid) },
      });
      return { id, amount: nok(amount), paidOn, reference };
    });
  }
}

async function mustBeKnown(manager: EntityManager, recipient: ReportedRecipientData, index: number): Promise<void> {
  if (recipient.clusterId !== null) await requireKnownClusters(manager, `recipients[${index}].clusterId`, [recipient.clusterId]);
  if (recipient.orgNumber !== null) {
    const known = await manager.query<unknown[]>('SELECT 1 FROM organization_directory WHERE org_number = $1', [recipient.orgNumber]);
    if (known.length === 0) {
      throw new BadUserInputError(
        `recipients[${index}].orgNumber`,
        `${recipient.orgNumber} is not an organisation the clusters service knows`,
      );
    }
  }
}
