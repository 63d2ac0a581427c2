import { randomUUID } from 'node:crypto';
import {
  CLUSTER_PROGRAMME_AGENCIES,
  type ClusterLevel,
  type CompetenceProgrammeStatus,
  type GrantAwardedData,
  type GrantReportedData,
  ModuleAdded,
  ProgrammeLaunched,
  ProgrammeStatusChanged,
} from '@klynge/contracts';
import {
  BadUserInputError,
  type Caller,
  ConflictError,
  type DatePrecision,
  isGiven,
  isoDate,
  isUuid,
  NotFoundError,
  optionalIsoDate,
  optionalText,
  type Ownership,
  preciseDateInput,
  requiredText,
  type Transaction,
  translateConstraintErrors,
  type UnitOfWork,
} from '@klynge/platform';
import { CURRENT_DIRECTORY_LEVEL } from '@klynge/read-models';
import type { EntityManager } from 'typeorm';
import { type ProgrammeRecord, programmesById } from './programme.queries';
import type { AddModuleInput, ModuleType, PlanProgrammeInput } from './programme.types';

const TRANSITIONS: Readonly<Record<CompetenceProgrammeStatus, readonly CompetenceProgrammeStatus[]>> = {
  PLANNED: ['OPEN', 'CANCELLED'],
  OPEN: ['RUNNING', 'CANCELLED'],
  RUNNING: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

/** Planning competence programmes and moving them through their life. */
export class ProgrammeService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** A PLANNED programme; `authorize` sees whom it would belong to before anything is written. */
  async plan(input: PlanProgrammeInput, authorize: (owner: Ownership) => Caller): Promise<ProgrammeRecord> {
    const plan = programmePlan(input);
    const id = randomUUID();
    return translateConstraintErrors(
      { competence_programmes_name_key: () => new ConflictError(`A programme called ${plan.name} exists already`, 'name') },
      () =>
        this.unitOfWork.run(async (tx) => {
          const { manager } = tx;
          await requireHeardOfFundingProgramme(manager, plan.funding.programmeCode);
          authorize({ agencies: await agenciesOf(manager, plan.funding.programmeCode), clusters: plan.hosts });
          await requireHostsMayHost(manager, plan.hosts, plan.acceptedHostLevels);
          const grantId = await fundingGrant(manager, plan.funding);
          await insertProgramme(manager, id, plan, grantId);
          const [programme] = await programmesById(manager, [id]);
          await publishLaunched(tx, programme!, plan);
          // A programme from the past enters in the state its source supports, as if it had moved there.
          if (plan.status !== 'PLANNED') return this.move(tx, programme!, plan.status);
          return programme!;
        }),
    );
  }

  async addModule(input: AddModuleInput, authorize: (owner: Ownership) => Caller): Promise<ModuleType> {
    const module: ModuleType = {
      id: randomUUID(),
      title: requiredText('title', input.title),
      theme: requiredText('theme', input.theme, 100).toLowerCase(),
      format: input.format,
      startsOn: optionalIsoDate('startsOn', input.startsOn),
      endsOn: optionalIsoDate('endsOn', input.endsOn),
      capacity: isGiven(input.capacity) ? positive('capacity', input.capacity) : null,
    };
    if (module.startsOn && module.endsOn && module.endsOn < module.startsOn) {
      throw new BadUserInputError('endsOn', 'endsOn must not be before startsOn');
    }
    return this.unitOfWork.run(async (tx) => {
      const programme = await lock(tx, input.programmeId, 'programmeId');
      authorize(await ownerOf(tx, programme));
      if (programme.status === 'COMPLETED' || programme.status === 'CANCELLED') {
        throw new ConflictError(`The programme is ${programme.status}`, 'programmeId');
      }
      await tx.manager.query(
        'INSERT INTO modules (id, programme_id, title, theme, format, starts_on, ends_on, capacity) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [module.id, programme.id, module.title, module.theme, module.format, module.startsOn, module.endsOn, module.capacity],
      );
      await tx.publish(ModuleAdded, {
        // On the programme's stream, keyed by it: its modules stay in order with its status changes.
        subject: programme.id,
        data: {
          moduleId: module.id,
          programmeId: programme.id,
          title: module.title,
          theme: module.theme,
          format: module.format,
          startsOn: module.startsOn,
          endsOn: module.endsOn,
          capacity: module.capacity,
        },
      });
      return module;
    });
  }

  /** Moves a programme on; it opens only once the grant that funds it is awarded. */
  changeStatus(id: string, to: CompetenceProgrammeStatus, authorize: (owner: Ownership) => Caller): Promise<ProgrammeRecord> {
    return this.unitOfWork.run(async (tx) => {
      const programme = await lock(tx, id, 'id');
      authorize(await ownerOf(tx, programme));
      if (!TRANSITIONS[programme.status].includes(to)) {
        throw new ConflictError(`A ${programme.status} programme cannot become ${to}`, 'id');
      }
      if (to === 'OPEN' && programme.grantId === null) {
        throw new ConflictError('A programme opens only once the grant that funds it is awarded', 'id');
      }
      return this.move(tx, programme, to);
    });
  }

  /** A grant was awarded: the programmes waiting for it (by their funding application) open. */
  async recordGrant(tx: Transaction, grant: GrantAwardedData): Promise<void> {
    await tx.manager.query(
      `INSERT INTO awarded_grants (grant_id, application_id, programme_code, cluster_ids) VALUES ($1, $2, $3, $4)
       ON CONFLICT (grant_id) DO NOTHING`,
      [grant.grantId, grant.applicationId, grant.programmeCode, grant.recipient.type === 'CLUSTER' ? [grant.recipient.clusterId] : []],
    );
    // Only programmes planned under the grant's own funding programme: planning checked that the
    // planner may act for that programme's agency, so nobody can borrow another agency's grant.
    const waiting = await tx.manager.query<{ id: string }[]>(
      `SELECT id FROM competence_programmes
       WHERE funding_application_id = $1 AND funding_programme_code = $2 AND grant_id IS NULL FOR UPDATE`,
      [grant.applicationId, grant.programmeCode],
    );
    for (const { id } of waiting) {
      await tx.manager.query('UPDATE competence_programmes SET grant_id = $2 WHERE id = $1', [id, grant.grantId]);
      const [programme] = await programmesById(tx.manager, [id]);
      if (programme!.status === 'PLANNED') await this.move(tx, programme!, 'OPEN');
    }
  }

  /**
   * A grant made outside the workflow, from a public report: no application waits for it, but a
   * programme can be planned for it by its id (`grantId`), before or after it arrives here.
   */
  async recordReportedGrant(manager: EntityManager, grant: GrantReportedData): Promise<void> {
    const clusters = grant.recipients.flatMap((recipient) => (recipient.clusterId === null ? [] : [recipient.clusterId]));
    await manager.query(
      `INSERT INTO awarded_grants (grant_id, application_id, programme_code, cluster_ids) VALUES ($1, NULL, $2, $3)
       ON CONFLICT (grant_id) DO NOTHING`,
      [grant.grantId, grant.programmeCode, clusters],
    );
  }

  private async move(tx: Transaction, programme: ProgrammeRecord, to: CompetenceProgrammeStatus): Promise<ProgrammeRecord> {
    await tx.manager.query('UPDATE competence_programmes SET status = $2 WHERE id = $1', [programme.id, to]);
    await tx.publish(ProgrammeStatusChanged, {
      subject: programme.id,
      data: { programmeId: programme.id, previousStatus: programme.status, status: to, grantId: programme.grantId },
    });
    return { ...programme, status: to };
  }
}

/** A programme as its planner's input describes it, every field checked: nothing read or written yet. */
interface ProgrammePlan {
  readonly name: string;
  readonly capacity: number | null;
  readonly targetCompanies: number | null;
  readonly periodStart: string;
  readonly periodStartPrecision: DatePrecision;
  readonly periodEnd: string | null;
  readonly periodEndPrecision: DatePrecision | null;
  readonly source: string | null;
  /** The status it enters in: PLANNED, or where a source reports it further on, that status. */
  readonly status: CompetenceProgrammeStatus;
  /** Which levels of cluster may host it; not given for a programme from the past (then any). */
  readonly acceptedHostLevels: ClusterLevel[] | null;
  /** The host clusters' ids, each once: at least one. */
  readonly hosts: string[];
  readonly themes: string[];
  readonly funding: ProgrammeFunding;
  readonly knowledgeTransfer: { readonly source: string; readonly target: string } | null;
}

/** What funds a programme: a funding programme, and within it an application whose grant it waits for or a grant made already. */
interface ProgrammeFunding {
  readonly programmeCode: string | null;
  readonly applicationId: string | null | undefined;
  readonly grantId: string | null | undefined;
}

/** The input checked field by field, in the order the fields are reported when more than one is wrong. */
function programmePlan(input: PlanProgrammeInput): ProgrammePlan {
  const name = requiredText('name', input.name);
  const capacity = isGiven(input.capacity) ? positive('capacity', input.capacity) : null;
  const targetCompanies = isGiven(input.targetCompanies) ? positive('targetCompanies', input.targetCompanies) : null;
  const { periodStart, periodEnd } = plannedPeriod(input);
  const source = optionalText('source', input.source, 300);
  const status = reportedStatus(input.reportedStatus ?? null, source);
  const acceptedHostLevels = input.acceptedHostLevels && [...new Set(input.acceptedHostLevels)];
  if (input.hostClusterIds.length === 0) throw new BadUserInputError('hostClusterIds', 'A programme needs at least one host cluster');
  const themes = [...new Set(input.themes.map((theme, index) => requiredText(`themes[${index}]`, theme, 100).toLowerCase()))];
  return {
    name,
    capacity,
    targetCompanies,
    periodStart,
    periodStartPrecision: input.periodStartPrecision,
    periodEnd,
    periodEndPrecision: periodEnd === null ? null : input.periodEndPrecision,
    source,
    status,
    acceptedHostLevels,
    hosts: [...new Set(input.hostClusterIds)],
    themes,
    funding: plannedFunding(input),
    knowledgeTransfer: input.knowledgeTransfer
      ? {
          source: requiredText('knowledgeTransfer.source', input.knowledgeTransfer.source),
          target: requiredText('knowledgeTransfer.targetSector', input.knowledgeTransfer.targetSector),
        }
      : null,
  };
}

/** Its period: each date as exact as its precision says, and the end (where given) not before the start. */
function plannedPeriod(input: PlanProgrammeInput): { periodStart: string; periodEnd: string | null } {
  const periodStart = preciseDateInput('periodStart', isoDate('periodStart', input.periodStart), input.periodStartPrecision);
  const periodEnd = optionalIsoDate('periodEnd', input.periodEnd);
  if (periodEnd !== null) preciseDateInput('periodEnd', periodEnd, input.periodEndPrecision, { end: true });
  if (periodEnd !== null && periodEnd < periodStart) throw new BadUserInputError('periodEnd', 'periodEnd must not be before periodStart');
  return { periodStart, periodEnd };
}

/** A funding application or a grant (not both) only under the funding programme it must come from. */
function plannedFunding(input: PlanProgrammeInput): ProgrammeFunding {
  const programmeCode = optionalText('fundingProgrammeCode', input.fundingProgrammeCode, 50);
  for (const field of ['fundingApplicationId', 'grantId'] as const) {
    if (isGiven(input[field]) && programmeCode === null) {
      throw new BadUserInputError(
        'fundingProgrammeCode',
        `fundingProgrammeCode is needed with ${field}: the grant must come from that programme`,
      );
    }
  }
  if (isGiven(input.fundingApplicationId) && isGiven(input.grantId)) {
    throw new BadUserInputError('grantId', 'Give the funding application or the grant, not both');
  }
  return { programmeCode, applicationId: input.fundingApplicationId, grantId: input.grantId };
}

/** A funding programme named must be one this service has heard of: its agency is the programme's owner. */
async function requireHeardOfFundingProgramme(manager: EntityManager, fundingProgrammeCode: string | null): Promise<void> {
  if (fundingProgrammeCode !== null && !(await agencyOf(manager, fundingProgrammeCode))) {
    throw new BadUserInputError(
      'fundingProgrammeCode',
      `${fundingProgrammeCode} is not a funding programme this service has heard of (from its budgets or grants)`,
    );
  }
}

/** Every host must be a known cluster, at a level the programme accepts where it says which. */
async function requireHostsMayHost(
  manager: EntityManager,
  hosts: readonly string[],
  acceptedHostLevels: readonly ClusterLevel[] | null,
): Promise<void> {
  const known = await manager.query<{ cluster_id: string; name: string; level: string | null }[]>(
    `SELECT cluster_id, name, ${CURRENT_DIRECTORY_LEVEL} AS level FROM cluster_directory WHERE cluster_id::text = ANY($1)`,
    [hosts],
  );
  for (const host of hosts) {
    const cluster = known.find((row) => row.cluster_id === host);
    if (!cluster) throw new BadUserInputError('hostClusterIds', `${host} is not a known cluster`);
    // Which levels may host it not known (a programme from the past): nothing to check against.
    if (acceptedHostLevels && !acceptedHostLevels.includes(cluster.level as never)) {
      throw new BadUserInputError(
        'hostClusterIds',
        `${cluster.name} is ${cluster.level === null ? 'at no level known today' : `at level ${cluster.level}`}; this programme may be hosted at ${acceptedHostLevels.join(', ')}`,
      );
    }
  }
}

/**
 * The grant that funds the programme already, if any: the one named, or the one awarded to the
 * funding application it names (none yet: it waits for it, see recordGrant).
 */
async function fundingGrant(manager: EntityManager, funding: ProgrammeFunding): Promise<string | null> {
  const grantField = isGiven(funding.grantId) ? 'grantId' : 'fundingApplicationId';
  const [grant] = isGiven(funding.grantId)
    ? await manager.query<{ grant_id: string; programme_code: string }[]>(
        'SELECT grant_id, programme_code FROM awarded_grants WHERE grant_id = $1',
        [funding.grantId],
      )
    : funding.applicationId
      ? await manager.query<{ grant_id: string; programme_code: string }[]>(
          'SELECT grant_id, programme_code FROM awarded_grants WHERE application_id = $1',
          [funding.applicationId],
        )
      : [];
  // A grant made already (a reported one) must be one this service has heard of.
  if (isGiven(funding.grantId) && !grant) {
    throw new BadUserInputError('grantId', `${funding.grantId} is not a grant this service has heard of`);
  }
  // A grant funds only programmes of its own funding programme, which the caller must own.
  if (grant && grant.programme_code !== funding.programmeCode) {
    throw new BadUserInputError(grantField, `That grant was made under ${grant.programme_code}, not ${funding.programmeCode}`);
  }
  return grant?.grant_id ?? null;
}

/** The programme as PLANNED, with its hosts. */
async function insertProgramme(manager: EntityManager, id: string, plan: ProgrammePlan, grantId: string | null): Promise<void> {
  await manager.query(
    `INSERT INTO competence_programmes (id, name, funding_programme_code, funding_application_id, grant_id, themes,
       accepted_host_levels, target_companies, capacity, period_start, period_end, status, knowledge_source, knowledge_target,
       period_start_precision, period_end_precision, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'PLANNED', $12, $13, $14, $15, $16)`,
    [
      id,
      plan.name,
      plan.funding.programmeCode,
      plan.funding.applicationId ?? null,
      grantId,
      plan.themes,
      plan.acceptedHostLevels,
      plan.targetCompanies,
      plan.capacity,
      plan.periodStart,
      plan.periodEnd,
      plan.knowledgeTransfer?.source ?? null,
      plan.knowledgeTransfer?.target ?? null,
      plan.periodStartPrecision,
      plan.periodEndPrecision,
      plan.source,
    ],
  );
  for (const host of plan.hosts) {
    await manager.query('INSERT INTO programme_hosts (programme_id, cluster_id) VALUES ($1, $2)', [id, host]);
  }
}

async function publishLaunched(tx: Transaction, programme: ProgrammeRecord, plan: ProgrammePlan): Promise<void> {
  await tx.publish(ProgrammeLaunched, {
    subject: programme.id,
    data: {
      programmeId: programme.id,
      name: plan.name,
      fundingProgrammeCode: programme.fundingProgrammeCode,
      fundingApplicationId: programme.fundingApplicationId,
      hostClusterIds: plan.hosts,
      themes: plan.themes,
      targetCompanies: plan.targetCompanies,
      capacity: plan.capacity,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
    },
  });
}

/** The status a programme recorded from a source enters with: one that source can support without a grant here. */
function reportedStatus(status: CompetenceProgrammeStatus | null, source: string | null): CompetenceProgrammeStatus {
  if (status === null || status === 'PLANNED') return 'PLANNED';
  if (source === null) throw new BadUserInputError('reportedStatus', 'reportedStatus needs the source that reports it');
  if (status === 'OPEN')
    throw new BadUserInputError('reportedStatus', 'A programme opens with its grant: plan it with grantId, then open it');
  return status;
}

async function lock(tx: Transaction, id: string, field: string): Promise<ProgrammeRecord> {
  const valid = isUuid(id);
  if (valid) await tx.manager.query('SELECT 1 FROM competence_programmes WHERE id = $1 FOR UPDATE', [id]);
  const [programme] = valid ? await programmesById(tx.manager, [id]) : [];
  if (!programme) throw new NotFoundError('CompetenceProgramme', id, field);
  return programme;
}

/**
 * Whom a programme belongs to: the agency of its funding programme, or, without one, the cluster
 * programme's agencies; and its host clusters.
 */
export async function ownerOf(tx: Transaction, programme: Pick<ProgrammeRecord, 'id' | 'fundingProgrammeCode'>): Promise<Ownership> {
  const rows = await tx.manager.query<{ cluster_id: string }[]>('SELECT cluster_id FROM programme_hosts WHERE programme_id = $1', [
    programme.id,
  ]);
  return { agencies: await agenciesOf(tx.manager, programme.fundingProgrammeCode), clusters: rows.map((row) => row.cluster_id) };
}

async function agenciesOf(manager: EntityManager, fundingProgrammeCode: string | null): Promise<readonly string[]> {
  if (fundingProgrammeCode === null) return CLUSTER_PROGRAMME_AGENCIES;
  // Planning refuses a funding programme this service has not heard of; if one is ever unknown, only admins may act.
  const agency = await agencyOf(manager, fundingProgrammeCode);
  return agency ? [agency] : [];
}

async function agencyOf(manager: EntityManager, fundingProgrammeCode: string): Promise<string | undefined> {
  const [known] = await manager.query<{ agency_code: string }[]>(
    'SELECT agency_code FROM funding_programme_directory WHERE programme_code = $1',
    [fundingProgrammeCode],
  );
  return known?.agency_code;
}

export { lock as lockProgramme };

function positive(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new BadUserInputError(field, `${field} must be a whole number, 1 or more`);
  return value;
}
