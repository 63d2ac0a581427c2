import { randomUUID } from 'node:crypto';
import {
  ApplicationCreated,
  ApplicationDecided,
  type ApplicationEventSubject,
  ApplicationReviewStarted,
  ApplicationSubmitted,
  ApplicationWithdrawn,
  GrantAwarded,
  type GrantRecipientData,
  orgNumberInput,
} from '@klynge/contracts';
import {
  BadUserInputError,
  type Caller,
  ConflictError,
  dateWithin,
  isGiven,
  isUuid,
  nok,
  norwegianDate,
  NotFoundError,
  optionalIsoDate,
  optionalText,
  osloDate,
  requiredText,
  type Transaction,
  type UnitOfWork,
  wholeAmount,
} from '@klynge/platform';
import { CURRENT_DIRECTORY_LEVEL } from '@klynge/read-models';
import type { EntityManager } from 'typeorm';
import { chargeBudget } from '../grants/grant-budget';
import { callsById, type ProgrammeRow, programmesByCode } from '../programmes/programme.queries';
import type { CallType } from '../programmes/programme.types';
import { type ApplicationRecord, applicationsById } from './application.queries';
import type { ApplicationStatus, CreateApplicationInput, DecideApplicationInput } from './application.types';

/** The only moves an application can make. */
const TRANSITIONS: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  DRAFT: ['SUBMITTED', 'WITHDRAWN'],
  SUBMITTED: ['UNDER_REVIEW', 'WITHDRAWN'],
  UNDER_REVIEW: ['GRANTED', 'REJECTED', 'WITHDRAWN'],
  GRANTED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

/** What a step may check once the application is locked: who owns it, which agency decides. */
export interface ApplicationInHand {
  readonly application: ApplicationRecord;
  readonly call: CallType;
  readonly programme: ProgrammeRow;
}

/**
 * The application workflow. Each step locks the application, checks the move is legal, records
 * who made it and when, and publishes its event, in one transaction. Granting also makes the
 * grant, checking the programme-year budget under a row lock so two awards cannot overspend it.
 */
export class ApplicationService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * A DRAFT application to a call. `authorize` sees whom it would belong to (the programme's
   * agency and the applying cluster) before anything is written.
   */
  async create(input: CreateApplicationInput, authorize: (owner: { agencyCode: string; clusterId: string | null }) => Caller) {
    // Null and left out both mean "not this one": exactly one of the two names the applicant.
    const clusterId = input.clusterId ?? null;
    const givenOrgNumber = input.orgNumber ?? null;
    if ((clusterId === null) === (givenOrgNumber === null)) {
      throw new BadUserInputError(clusterId === null ? 'clusterId' : 'orgNumber', 'Give clusterId or orgNumber: who applies');
    }
    const orgNumber = givenOrgNumber === null ? null : orgNumberInput('orgNumber', givenOrgNumber);
    const title = requiredText('title', input.title);
    const requested = wholeAmount('requested', input.requested);
    const ownFunding = wholeAmount('ownFunding', input.ownFunding, { allowZero: true });
    const cofinancingPlan = optionalText('cofinancingPlan', input.cofinancingPlan, 5_000);
    const id = randomUUID();
    return this.unitOfWork.run(async ({ manager, publish }) => {
      const [call] = await callsById(manager, [input.callId]);
      if (!call) throw new NotFoundError('Call', input.callId, 'callId');
      const [programme] = await programmesByCode(manager, [call.programmeCode]);
      const caller = authorize({ agencyCode: programme!.agencyCode, clusterId });
      await assertEligible(manager, programme!, { clusterId, orgNumber });
      await manager.query(
        `INSERT INTO applications (id, call_id, applicant_type, cluster_id, org_number, title, requested_nok,
           own_funding_nok, cofinancing_plan, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'DRAFT')`,
        [
          id,
          call.id,
          clusterId ? 'CLUSTER' : 'ORGANIZATION',
          clusterId,
          orgNumber,
          title,
          requested.toString(),
          ownFunding.toString(),
          cofinancingPlan,
        ],
      );
      await recordStep(manager, id, 'DRAFT', caller.subject, null);
      const [application] = await applicationsById(manager, [id]);
      await publish(ApplicationCreated, {
        subject: id,
        data: {
          applicationId: id,
          callId: call.id,
          programmeCode: programme!.code,
          applicant: recipientOf(application!),
          title,
          requested: nok(requested),
          ownFunding: nok(ownFunding),
          createdAt: this.clock().toISOString(),
        },
      });
      return application!;
    });
  }

  /**
   * DRAFT -> SUBMITTED, before the call's deadline; the applicant must still be eligible, and the
   * programme must have a budget for the year the call's grants are charged to.
   */
  submit(id: string, authorize: (inHand: ApplicationInHand) => Caller) {
    return this.move(id, 'SUBMITTED', authorize, null, async (tx, inHand) => {
      const { application, call, programme } = inHand;
      const now = this.clock();
      if (now.getTime() >= new Date(call.closesAt).getTime()) {
        throw new ConflictError(`The call closed at ${call.closesAt}; applications can no longer be submitted`, 'id');
      }
      if (now.toISOString().slice(0, 10) < call.opensOn) throw new ConflictError(`The call opens on ${call.opensOn}`, 'id');
      await assertEligible(tx.manager, programme, application.applicant);
      const [budget] = await tx.manager.query<unknown[]>('SELECT 1 FROM budgets WHERE programme_code = $1 AND year = $2', [
        programme.code,
        call.budgetYear,
      ]);
      if (!budget) {
        throw new BadUserInputError(
          'id',
          `Programme ${programme.code} has no budget for ${call.budgetYear}, the year this call's grants are charged to`,
        );
      }
      await tx.publish(ApplicationSubmitted, {
        subject: application.id,
        data: {
          ...aboutApplication(inHand),
          title: application.title,
          requested: application.requested,
          submittedAt: now.toISOString(),
        },
      });
    });
  }

  startReview(id: string, authorize: (inHand: ApplicationInHand) => Caller) {
    return this.move(id, 'UNDER_REVIEW', authorize, null, async (tx, inHand) => {
      await tx.publish(ApplicationReviewStarted, {
        subject: inHand.application.id,
        data: { ...aboutApplication(inHand), startedAt: this.clock().toISOString() },
      });
    });
  }

  withdraw(id: string, authorize: (inHand: ApplicationInHand) => Caller, note?: string) {
    return this.move(id, 'WITHDRAWN', authorize, optionalText('note', note, 2_000), async (tx, inHand) => {
      await tx.publish(ApplicationWithdrawn, {
        subject: inHand.application.id,
        data: {
          ...aboutApplication(inHand),
          // move() lets only these three become WITHDRAWN.
          previousStatus: inHand.application.status as 'DRAFT' | 'SUBMITTED' | 'UNDER_REVIEW',
          withdrawnAt: this.clock().toISOString(),
        },
      });
    });
  }

  decide(id: string, input: DecideApplicationInput, authorize: (inHand: ApplicationInHand) => Caller) {
    const note = optionalText('note', input.note, 2_000);
    const awardDate = optionalIsoDate('awardDate', input.awardDate);
    const plannedStart = optionalIsoDate('plannedStart', input.plannedStart);
    const plannedEnd = optionalIsoDate('plannedEnd', input.plannedEnd);
    const amountAwarded = isGiven(input.amountAwarded) ? wholeAmount('amountAwarded', input.amountAwarded) : undefined;
    return this.move(id, input.decision, authorize, note, async (tx, inHand) => {
      const { application, call, programme } = inHand;
      const decidedAt = this.clock();
      let grantId: string | null = null;
      if (input.decision === 'GRANTED') {
        const amount = amountAwarded ?? BigInt(application.requested.amount);
        if (amount > BigInt(application.requested.amount)) {
          throw new BadUserInputError('amountAwarded', `amountAwarded must not exceed the NOK ${application.requested.amount} requested`);
        }
        const today = norwegianDate(decidedAt);
        const awarded = dateWithin('awardDate', awardDate ?? today, {
          notBefore: [await submittedOn(tx.manager, application.id), 'when the application was submitted'],
          notAfter: [today, 'today'],
        });
        const start = plannedStart ?? call.projectStart ?? awarded;
        if (plannedEnd === null) throw new BadUserInputError('plannedEnd', 'plannedEnd is needed to grant');
        if (plannedEnd < start) throw new BadUserInputError('plannedEnd', 'plannedEnd must not be before plannedStart');
        grantId = randomUUID();
        await this.award(tx, { grantId, application, call, programme, amount, awardDate: awarded, plannedStart: start, plannedEnd });
      }
      await tx.publish(ApplicationDecided, {
        subject: application.id,
        data: {
          ...aboutApplication(inHand),
          decision: input.decision,
          decidedAt: decidedAt.toISOString(),
          grantId,
        },
      });
    });
  }

  private async award(
    tx: Transaction,
    grant: {
      grantId: string;
      application: ApplicationRecord;
      call: CallType;
      programme: ProgrammeRow;
      amount: bigint;
      awardDate: string;
      plannedStart: string;
      plannedEnd: string;
    },
  ): Promise<void> {
    const year = grant.call.budgetYear;
    await chargeBudget(tx.manager, grant.programme.code, year, grant.amount);
    await tx.manager.query(
      `INSERT INTO grants (id, application_id, programme_code, budget_year, amount_nok, own_share_nok, award_date,
         planned_start, planned_end, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'ACTIVE')`,
      [
        grant.grantId,
        grant.application.id,
        grant.programme.code,
        year,
        grant.amount.toString(),
        grant.application.ownFunding.amount,
        grant.awardDate,
        grant.plannedStart,
        grant.plannedEnd,
      ],
    );
    const recipient = recipientOf(grant.application);
    await tx.manager.query('INSERT INTO grant_recipients (grant_id, position, cluster_id, org_number) VALUES ($1, 1, $2, $3)', [
      grant.grantId,
      recipient.type === 'CLUSTER' ? recipient.clusterId : null,
      recipient.type === 'ORGANIZATION' ? recipient.orgNumber : null,
    ]);
    await tx.publish(GrantAwarded, {
      subject: grant.grantId,
      data: {
        grantId: grant.grantId,
        applicationId: grant.application.id,
        programmeCode: grant.programme.code,
        agencyCode: grant.programme.agencyCode,
        recipient,
        amountAwarded: nok(grant.amount),
        awardDate: grant.awardDate,
        plannedStart: grant.plannedStart,
        plannedEnd: grant.plannedEnd,
        clusterLevel: recipient.type === 'CLUSTER' ? grant.call.targetLevel : null,
      },
    });
  }

  private async move(
    id: string,
    to: ApplicationStatus,
    authorize: (inHand: ApplicationInHand) => Caller,
    note: string | null,
    effects?: (tx: Transaction, inHand: ApplicationInHand) => Promise<void>,
  ): Promise<ApplicationRecord> {
    return this.unitOfWork.run(async (tx) => {
      const valid = isUuid(id);
      if (valid) await tx.manager.query('SELECT 1 FROM applications WHERE id = $1 FOR UPDATE', [id]);
      const [application] = valid ? await applicationsById(tx.manager, [id]) : [];
      if (!application) throw new NotFoundError('Application', id, 'id');
      const [call] = await callsById(tx.manager, [application.callId]);
      const [programme] = await programmesByCode(tx.manager, [application.programmeCode]);
      const inHand = { application, call: call!, programme: programme! };
      const caller = authorize(inHand);
      if (!TRANSITIONS[application.status].includes(to)) {
        throw new ConflictError(`An application that is ${application.status} cannot become ${to}`, 'id');
      }
      await effects?.(tx, inHand);
      await tx.manager.query('UPDATE applications SET status = $2 WHERE id = $1', [id, to]);
      await recordStep(tx.manager, id, to, caller.subject, note);
      return { ...application, status: to };
    });
  }
}

async function recordStep(manager: EntityManager, applicationId: string, status: ApplicationStatus, actor: string, note: string | null) {
  await manager.query('INSERT INTO application_steps (application_id, status, actor, note) VALUES ($1, $2, $3, $4)', [
    applicationId,
    status,
    actor,
    note,
  ]);
}

/** The day, in Norway, the application was (last) submitted. */
async function submittedOn(manager: EntityManager, applicationId: string): Promise<string> {
  const [step] = await manager.query<{ on: string }[]>(
    `SELECT ${osloDate('max(at)')}::text AS on FROM application_steps WHERE application_id = $1 AND status = 'SUBMITTED'`,
    [applicationId],
  );
  return step!.on;
}

/** A known cluster at a level the programme accepts, or a known organisation of a kind it accepts. */
async function assertEligible(
  manager: EntityManager,
  programme: ProgrammeRow,
  applicant: { clusterId: string | null; orgNumber: string | null },
): Promise<void> {
  if (applicant.clusterId !== null) {
    const [cluster] = isUuid(applicant.clusterId)
      ? await manager.query<
          {
            name: string;
            level: string | null;
          }[]
        >(`SELECT name, ${CURRENT_DIRECTORY_LEVEL} AS level FROM cluster_directory WHERE cluster_id = $1`, [applicant.clusterId])
      : [];
    if (!cluster) throw new BadUserInputError('clusterId', `${applicant.clusterId} is not a cluster known to the programme`);
    if (programme.eligibleClusterLevels === null) {
      throw new BadUserInputError('clusterId', `Which clusters ${programme.code} accepts is not known, so no cluster can apply to it`);
    }
    if (!programme.eligibleClusterLevels.includes(cluster.level as never)) {
      throw new BadUserInputError(
        'clusterId',
        `${cluster.name} is ${cluster.level === null ? 'at no level known today' : `at level ${cluster.level}`}; ${programme.code} accepts ${programme.eligibleClusterLevels.join(', ') || 'no clusters'}`,
      );
    }
    return;
  }
  const [organization] = await manager.query<{ name: string; kind: string }[]>(
    'SELECT name, kind FROM organization_directory WHERE org_number = $1',
    [applicant.orgNumber],
  );
  if (!organization) throw new BadUserInputError('orgNumber', `${applicant.orgNumber} is not a registered organisation`);
  if (programme.eligibleOrganizationKinds === null) {
    throw new BadUserInputError('orgNumber', `Which organisations ${programme.code} accepts is not known, so none can apply to it`);
  }
  if (!programme.eligibleOrganizationKinds.includes(organization.kind)) {
    throw new BadUserInputError(
      'orgNumber',
      `${organization.name} is a ${organization.kind}; ${programme.code} accepts ${programme.eligibleOrganizationKinds.join(', ') || 'no organisations'}`,
    );
  }
}

/** What every event of an application says it is about: itself, its call and programme, its applicant. */
function aboutApplication({ application, call, programme }: ApplicationInHand): ApplicationEventSubject {
  return { applicationId: application.id, callId: call.id, programmeCode: programme.code, applicant: recipientOf(application) };
}

function recipientOf(application: ApplicationRecord): GrantRecipientData {
  return application.applicant.type === 'CLUSTER'
    ? { type: 'CLUSTER', clusterId: application.applicant.clusterId! }
    : { type: 'ORGANIZATION', orgNumber: application.applicant.orgNumber! };
}
