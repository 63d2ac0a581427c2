import { randomUUID } from 'node:crypto';
import { DisbursementPaid } from '@klynge/contracts';
import {
  type Caller,
  ConflictError,
  dateWithin,
  isoDate,
  isUuid,
  norwegianDate,
  NotFoundError,
  optionalText,
  type UnitOfWork,
  wholeAmount,
} from '@klynge/platform';
import { nok } from '../money';
import type { DisbursementType, RecordDisbursementInput } from './grant.types';

export class GrantService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: () => Date = () => new Date(),
  ) {}

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
