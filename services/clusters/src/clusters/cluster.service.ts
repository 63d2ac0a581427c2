import { randomUUID } from 'node:crypto';
import {
  type ClusterLevel,
  ClusterLevelChanged,
  ClusterLevelEnded,
  ClusterRegistered,
  type ClusterSnapshotData,
  ClusterUpdated,
  countyCodeInput,
  type GrantAwardedData,
  municipalityCodeInput,
} from '@klynge/contracts';
import {
  BadUserInputError,
  ConflictError,
  dateWithin,
  emailAddress,
  isoDate,
  isGiven,
  isUuid,
  norwegianDate,
  NotFoundError,
  optionalIsoDate,
  optionalText,
  requiredText,
  type Transaction,
  translateConstraintErrors,
  type UnitOfWork,
  webAddress,
  year,
} from '@klynge/platform';
import type { EntityManager } from 'typeorm';
import { slugify } from '../validation';
import { ClusterEntity, ClusterLevelPeriodEntity } from './cluster.entity';
import type { ChangeClusterLevelInput, EndClusterLevelInput, RegisterClusterInput, UpdateClusterInput } from './cluster.types';
import { levelHeldToday } from './cluster.queries';
import type { ReportedCluster, ReportedPeriod } from './reported-history';

export interface LevelChange {
  readonly level: ClusterLevel;
  readonly effectiveFrom: string;
  readonly reason: string;
  readonly decisionReference?: string | null;
  /** YEAR when only the year of the change is known (effectiveFrom is then 1 January). */
  readonly precision?: 'DAY' | 'YEAR';
}

/** Public facts of a cluster, the fields ClusterUpdated reports by name. */
const PUBLIC_FIELDS = [
  'name',
  'shortName',
  'countyCode',
  'municipalityCode',
  'town',
  'sectors',
  'description',
  'website',
  'foundedYear',
  'programmeStart',
  'programmeEnd',
] as const;

/**
 * The cluster registry's use cases. Each runs in one transaction with the events it publishes;
 * input is checked first, so a refused request writes nothing.
 */
export class ClusterService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async register(input: RegisterClusterInput, options: { levelSincePrecision?: 'DAY' | 'YEAR' } = {}) {
    const name = requiredText('name', input.name);
    const slug = isGiven(input.slug) ? input.slug.trim() : slugify(name);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 100) {
      throw new BadUserInputError('slug', 'slug must be lower-case words joined by hyphens, at most 100 characters');
    }
    const county = countyCodeInput('countyCode', input.countyCode);
    // A cluster is registered at the level it holds; a later change is a level change.
    const levelSince = dateWithin('levelSince', isoDate('levelSince', input.levelSince), {
      notAfter: [norwegianDate(new Date()), 'today: register the level it holds now'],
    });
    const cluster = Object.assign(new ClusterEntity(), {
      id: randomUUID(),
      slug,
      name,
      shortName: optionalText('shortName', input.shortName, 100),
      level: input.level,
      levelUntil: null,
      countyCode: county,
      municipalityCode: municipalityCodeInput('municipalityCode', input.municipalityCode, county),
      town: optionalText('town', input.town, 100),
      sectors: sectors(input.sectors),
      description: optionalText('description', input.description, 5_000),
      website: webAddress('website', input.website),
      foundedYear: year('foundedYear', input.foundedYear),
      ...programmePeriod(input.programmeStart, input.programmeEnd),
      ...manager(input.manager),
    });
    const reason = optionalText('levelReason', input.levelReason, 500) ?? `Registered at level ${input.level}`;

    return this.write(async ({ manager: em, publish }) => {
      await em.getRepository(ClusterEntity).insert(cluster);
      await em.getRepository(ClusterLevelPeriodEntity).insert({
        clusterId: cluster.id,
        level: cluster.level,
        validFrom: levelSince,
        validFromPrecision: options.levelSincePrecision ?? 'DAY',
        validTo: null,
        reason,
        decisionReference: null,
      });
      await publish(ClusterRegistered, { subject: cluster.id, data: { ...snapshotOf(cluster), levelSince } });
      return cluster;
    });
  }

  /**
   * Registers a cluster as public sources report it: its names, the county and town the pages
   * agree on, its members as reported, and its level periods with what each page says (see
   * reported-history.ts). Its level today is what CURRENT_LEVEL_SQL makes of those periods, and
   * its events say the same: the level it holds and the day it stops, or, where it holds none,
   * its last reported level ended (on that period's end, or the day it was registered).
   */
  async registerReported(reported: ReportedCluster): Promise<ClusterEntity> {
    const periods = reported.periods.map((period) => reportedPeriodRow(period));
    const last = periods.at(-1);
    if (!last) throw new BadUserInputError('periods', `${reported.name} has no level period reported`);
    const cluster: ClusterEntity = Object.assign(new ClusterEntity(), {
      id: randomUUID(),
      slug: slugify(reported.name),
      name: reported.name,
      shortName: null,
      level: last.level,
      levelUntil: null,
      countyCode: reported.countyCode,
      municipalityCode: null,
      town: reported.town,
      sectors: [],
      description: null,
      website: null,
      foundedYear: null,
      programmeStart: null,
      programmeEnd: null,
      managerName: null,
      managerEmail: null,
      managerPhone: null,
      otherNames: [...reported.otherNames],
      membersReported: reported.membersReported.map(({ text, url }) => ({ text, url })),
    });
    return this.write(async ({ manager: em, publish }) => {
      await em.getRepository(ClusterEntity).insert(cluster);
      await em.getRepository(ClusterLevelPeriodEntity).insert(periods.map((period) => ({ ...period, clusterId: cluster.id })));
      const held = await levelHeldToday(em, cluster.id);
      cluster.level = held.level ?? last.level;
      cluster.levelUntil =
        held.level !== null ? held.until : last.validTo !== null && last.validTo < held.today ? last.validTo : held.today;
      await em.getRepository(ClusterEntity).update({ id: cluster.id }, { level: cluster.level, levelUntil: cluster.levelUntil });
      const levelSince = periods.find((period) => period.validFrom !== null)?.validFrom ?? null;
      await publish(ClusterRegistered, { subject: cluster.id, data: { ...snapshotOf(cluster), levelSince } });
      return cluster;
    });
  }

  async update(id: string, input: UpdateClusterInput) {
    return this.write(async ({ manager: em, publish }) => {
      const cluster = await lockCluster(em, id);
      const before = publicFacts(cluster);
      const contactBefore = [cluster.managerName, cluster.managerEmail, cluster.managerPhone].join('\n');
      if (input.name !== undefined) cluster.name = requiredText('name', input.name);
      if (input.shortName !== undefined) cluster.shortName = optionalText('shortName', input.shortName, 100);
      if (input.countyCode !== undefined) cluster.countyCode = countyCodeInput('countyCode', input.countyCode);
      if (input.municipalityCode !== undefined) cluster.municipalityCode = input.municipalityCode;
      if (cluster.countyCode !== null) {
        cluster.municipalityCode = municipalityCodeInput('municipalityCode', cluster.municipalityCode, cluster.countyCode);
      } else if (cluster.municipalityCode !== null) {
        // Its sources named no county; a municipality needs one to be checked against.
        throw new BadUserInputError('countyCode', 'countyCode is needed with municipalityCode: this cluster has no county recorded');
      }
      if (input.town !== undefined) cluster.town = optionalText('town', input.town, 100);
      if (input.sectors !== undefined) cluster.sectors = sectors(input.sectors);
      if (input.description !== undefined) cluster.description = optionalText('description', input.description, 5_000);
      if (input.website !== undefined) cluster.website = webAddress('website', input.website);
      if (input.foundedYear !== undefined) cluster.foundedYear = year('foundedYear', input.foundedYear);
      if (input.programmeStart !== undefined || input.programmeEnd !== undefined) {
        Object.assign(
          cluster,
          programmePeriod(
            input.programmeStart === undefined ? cluster.programmeStart : input.programmeStart,
            input.programmeEnd === undefined ? cluster.programmeEnd : input.programmeEnd,
          ),
        );
      }
      if (input.manager !== undefined) Object.assign(cluster, manager(input.manager));

      const after = publicFacts(cluster);
      const changedFields: string[] = PUBLIC_FIELDS.filter((field) => after[field] !== before[field]);
      // Personal data never travels in events; that it changed does.
      if ([cluster.managerName, cluster.managerEmail, cluster.managerPhone].join('\n') !== contactBefore) {
        changedFields.push('managerContact');
      }
      if (changedFields.length === 0) return cluster;
      await em.getRepository(ClusterEntity).save(cluster);
      await publish(ClusterUpdated, { subject: cluster.id, data: { ...snapshotOf(cluster), changedFields } });
      return cluster;
    });
  }

  async changeLevel(id: string, input: ChangeClusterLevelInput, options: { precision?: 'DAY' | 'YEAR' } = {}) {
    const change: LevelChange = {
      level: input.level,
      effectiveFrom: isoDate('effectiveFrom', input.effectiveFrom),
      reason: requiredText('reason', input.reason, 500),
      ...options,
    };
    return this.write(async (tx) => {
      const cluster = await lockCluster(tx.manager, id);
      await this.applyLevelChange(tx, cluster, change);
      return cluster;
    });
  }

  /**
   * The cluster's level ends on `effectiveFrom` and what it holds after is not known: NCE stopped
   * being a level with 2019, and unless a source says what a cluster became, the level history
   * says exactly that. A later level change gives the next level once it is known.
   */
  async endLevel(id: string, input: EndClusterLevelInput) {
    const effectiveFrom = isoDate('effectiveFrom', input.effectiveFrom);
    const reason = requiredText('reason', input.reason, 500);
    return this.write(async (tx) => {
      const cluster = await lockCluster(tx.manager, id);
      const periods = tx.manager.getRepository(ClusterLevelPeriodEntity);
      const open = await latestRecorded(tx.manager, cluster.id);
      if (!open || open.validTo !== null) throw new ConflictError(`The cluster's level ${cluster.level} has ended already`, 'id');
      if (effectiveFrom <= open.validFrom!) {
        throw new BadUserInputError('effectiveFrom', `effectiveFrom must be after ${open.validFrom}, when the current level began`);
      }
      await periods.update({ id: open.id }, { validTo: effectiveFrom });
      cluster.levelUntil = effectiveFrom;
      await tx.manager.getRepository(ClusterEntity).update({ id: cluster.id }, { levelUntil: effectiveFrom });
      await tx.publish(ClusterLevelEnded, {
        subject: cluster.id,
        data: { clusterId: cluster.id, level: cluster.level, effectiveFrom, reason },
      });
      return cluster;
    });
  }

  /**
   * A funding decision that gives a cluster programme status: the cluster takes the granted level
   * from the grant's start, for the grant's period. Runs in the event handler's transaction.
   */
  async recordProgrammeGrant(tx: Transaction, grant: GrantAwardedData): Promise<void> {
    if (grant.recipient.type !== 'CLUSTER' || grant.clusterLevel === null) return;
    const cluster = await lockCluster(tx.manager, grant.recipient.clusterId);
    if (cluster.level !== grant.clusterLevel || cluster.levelUntil !== null) {
      await this.applyLevelChange(tx, cluster, {
        level: grant.clusterLevel,
        effectiveFrom: grant.plannedStart,
        reason: `Granted ${grant.clusterLevel} status in programme ${grant.programmeCode} by ${grant.agencyCode}`,
        decisionReference: `grant:${grant.grantId}`,
      });
    }
    if (cluster.programmeStart !== grant.plannedStart || cluster.programmeEnd !== grant.plannedEnd) {
      cluster.programmeStart = grant.plannedStart;
      cluster.programmeEnd = grant.plannedEnd;
      await tx.manager.getRepository(ClusterEntity).save(cluster);
      await tx.publish(ClusterUpdated, {
        subject: cluster.id,
        data: { ...snapshotOf(cluster), changedFields: ['programmeStart', 'programmeEnd'] },
      });
    }
  }

  /** Closes the current level period at `effectiveFrom` and opens the new one. */
  private async applyLevelChange(tx: Transaction, cluster: ClusterEntity, change: LevelChange): Promise<void> {
    const periods = tx.manager.getRepository(ClusterLevelPeriodEntity);
    // The latest recorded period is the current one (recorded periods never overlap). Reported
    // periods are what sources say, and stay as they are.
    const open = await latestRecorded(tx.manager, cluster.id);
    if (change.level === cluster.level && cluster.levelUntil === null) {
      throw new BadUserInputError('level', `The cluster is already at level ${cluster.level}`);
    }
    if (open && change.effectiveFrom <= open.validFrom!) {
      throw new BadUserInputError('effectiveFrom', `effectiveFrom must be after ${open.validFrom}, when the current level began`);
    }
    // The new level closes the current one; after an ended level, it also shortens the time
    // whose level was not known, if it began before that ended.
    if (open && (open.validTo === null || change.effectiveFrom < open.validTo)) {
      await periods.update({ id: open.id }, { validTo: change.effectiveFrom });
    }
    await periods.insert({
      clusterId: cluster.id,
      level: change.level,
      validFrom: change.effectiveFrom,
      validFromPrecision: change.precision ?? 'DAY',
      validTo: null,
      reason: change.reason,
      decisionReference: change.decisionReference ?? null,
    });
    const previousLevel = cluster.level;
    cluster.level = change.level;
    cluster.levelUntil = null;
    await tx.manager.getRepository(ClusterEntity).update({ id: cluster.id }, { level: change.level, levelUntil: null });
    await tx.publish(ClusterLevelChanged, {
      subject: cluster.id,
      data: {
        clusterId: cluster.id,
        previousLevel,
        level: change.level,
        effectiveFrom: change.effectiveFrom,
        reason: change.reason,
        decisionReference: change.decisionReference ?? null,
      },
    });
  }

  /** Runs `work` in a transaction, turning the registry's unique constraints into CONFLICT errors. */
  private write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return translateConstraintErrors(
      {
        clusters_slug_key: () => new ConflictError('A cluster with this slug is already registered', 'slug'),
        clusters_name_key: () => new ConflictError('A cluster with this name is already registered', 'name'),
      },
      () => this.unitOfWork.run(work),
    );
  }
}

/** A reported period as a row: years as 1 January (YEAR precision); `to` exclusive, so the year after the last. */
function reportedPeriodRow(period: ReportedPeriod) {
  const pages = new Set(period.claims.map((claim) => claim.url)).size;
  return {
    level: period.level,
    validFrom: period.fromYear === null ? null : `${period.fromYear}-01-01`,
    validFromPrecision: 'YEAR' as const,
    validTo: period.toYear === null ? null : `${period.toYear + 1}-01-01`,
    reason: `As ${pages === 1 ? 'one public page reports' : `${pages} public pages report`} it (see claims)`,
    decisionReference: null,
    basis: 'REPORTED' as const,
    endedBy: period.endedBy,
    fromYears: [...period.fromYears],
    toYears: [...period.toYears],
    claims: period.claims.map(({ claim, year, url }) => ({ claim, year, url })),
  };
}

/** A cluster's latest recorded level period (recorded periods always have a start). */
function latestRecorded(manager: EntityManager, clusterId: string): Promise<ClusterLevelPeriodEntity | null> {
  return manager.getRepository(ClusterLevelPeriodEntity).findOne({ where: { clusterId, basis: 'RECORDED' }, order: { validFrom: 'DESC' } });
}

async function lockCluster(manager: EntityManager, id: string): Promise<ClusterEntity> {
  const cluster = isUuid(id)
    ? await manager.getRepository(ClusterEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
    : null;
  if (!cluster) throw new NotFoundError('Cluster', id, 'id');
  return cluster;
}

export function snapshotOf(cluster: ClusterEntity): ClusterSnapshotData {
  return {
    clusterId: cluster.id,
    name: cluster.name,
    slug: cluster.slug,
    shortName: cluster.shortName,
    level: cluster.level,
    levelUntil: cluster.levelUntil,
    countyCode: cluster.countyCode,
    municipalityCode: cluster.municipalityCode,
    town: cluster.town,
    sectors: cluster.sectors,
    programmeStart: cluster.programmeStart,
    programmeEnd: cluster.programmeEnd,
  };
}

/** The public facts, each as comparable text. */
function publicFacts(cluster: ClusterEntity): Record<(typeof PUBLIC_FIELDS)[number], string> {
  return Object.fromEntries(PUBLIC_FIELDS.map((field) => [field, JSON.stringify(cluster[field])])) as Record<
    (typeof PUBLIC_FIELDS)[number],
    string
  >;
}

function sectors(values: readonly string[] | undefined): string[] {
  const cleaned = (values ?? []).map((value, index) => requiredText(`sectors[${index}]`, value, 100));
  return [...new Set(cleaned)];
}

function programmePeriod(start: string | null | undefined, end: string | null | undefined) {
  const programmeStart = optionalIsoDate('programmeStart', start);
  const programmeEnd = optionalIsoDate('programmeEnd', end);
  if (programmeEnd !== null && programmeStart === null) {
    throw new BadUserInputError('programmeStart', 'programmeStart is needed when programmeEnd is given');
  }
  if (programmeStart !== null && programmeEnd !== null && programmeEnd < programmeStart) {
    throw new BadUserInputError('programmeEnd', 'programmeEnd must not be before programmeStart');
  }
  return { programmeStart, programmeEnd };
}

function manager(contact: { name?: string | null; email?: string | null; phone?: string | null } | null | undefined) {
  return {
    managerName: optionalText('manager.name', contact?.name, 200),
    managerEmail: emailAddress('manager.email', contact?.email),
    managerPhone: optionalText('manager.phone', contact?.phone, 50),
  };
}
