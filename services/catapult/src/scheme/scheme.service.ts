import { randomUUID } from 'node:crypto';
import {
  BadUserInputError,
  type Caller,
  ConflictError,
  dateWithin,
  isUuid,
  NotFoundError,
  norwegianDate,
  optionalText,
  requiredText,
  type UnitOfWork,
  wholeAmount,
} from '@klynge/platform';
import { requireKnownClusters } from '@klynge/read-models';
import type { EntityManager } from 'typeorm';
import { AllocationRecorded, CentreClosed, CentreDesignated, NodeSelected } from '../catapult.events';
import { idList, organizationInput, organizationsInput, placesInput, sourcedDate } from './scheme.validation';
import type { RecordAllocationInput } from './allocation.types';
import type { CloseCentreInput, DesignateCentreInput } from './centre.types';
import type { SelectNodeInput } from './node.types';

/** Norsk katapult began in 2017: nothing of it is dated earlier. */
const SCHEME_START = '2017-01-01';
const FIRST_YEAR = 2017;

/**
 * The scheme's use cases, each one transaction with its event. `authorize` runs once the input
 * is known good and before anything is written.
 */
export class SchemeService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async designateCentre(input: DesignateCentreInput, authorize: () => Caller): Promise<{ id: string }> {
    const name = requiredText('name', input.name, 200);
    const alsoKnownAs = [...new Set((input.alsoKnownAs ?? []).map((other, index) => requiredText(`alsoKnownAs[${index}]`, other, 200)))];
    const designatedOn = notInTheFuture('designatedOn', sourcedDate('designatedOn', input.designatedOn, input.designatedOnPrecision));
    const locations = placesInput('locations', input.locations);
    const hosts = organizationsInput('hostOrganizations', input.hostOrganizations);
    const partners = organizationsInput('partnerOrganizations', input.partnerOrganizations);
    const clusterIds = idList('clusterIds', input.clusterIds);
    const caller = authorize();
    const id = randomUUID();
    await this.unitOfWork.run(async ({ manager, publish }) => {
      await requireKnownClusters(manager, 'clusterIds', clusterIds);
      await mustBeNewName(manager, 'catapult_centres', name);
      await manager.query(
        `INSERT INTO catapult_centres (id, name, also_known_as, theme, designated_on, designated_precision, locations,
           host_organizations, partner_organizations, cluster_ids, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          id,
          name,
          alsoKnownAs,
          input.theme,
          designatedOn,
          input.designatedOnPrecision,
          JSON.stringify(locations),
          JSON.stringify(hosts),
          JSON.stringify(partners),
          clusterIds,
          caller.subject,
        ],
      );
      await publish(CentreDesignated, {
        subject: id,
        data: {
          centreId: id,
          name,
          theme: input.theme,
          designatedOn,
          designatedOnPrecision: input.designatedOnPrecision,
          countyCodes: [...new Set(locations.map((place) => place.countyCode))],
          clusterIds,
        },
      });
    });
    return { id };
  }

  /** A centre stops being a catapult centre; its projects stay, and no new one may start from that day. */
  async closeCentre(input: CloseCentreInput, authorize: () => Caller): Promise<{ id: string }> {
    if (!isUuid(input.centreId)) throw new NotFoundError('CatapultCentre', input.centreId, 'centreId');
    const closedOn = notInTheFuture('closedOn', sourcedDate('closedOn', input.closedOn, input.closedOnPrecision));
    authorize();
    await this.unitOfWork.run(async ({ manager, publish }) => {
      const [centre] = await manager.query<{ designated_on: string; closed_on: string | null }[]>(
        `SELECT to_char(designated_on, 'YYYY-MM-DD') AS designated_on, closed_on FROM catapult_centres WHERE id = $1 FOR UPDATE`,
        [input.centreId],
      );
      if (!centre) throw new NotFoundError('CatapultCentre', input.centreId, 'centreId');
      if (centre.closed_on !== null) throw new ConflictError('The centre is closed already', 'centreId');
      dateWithin('closedOn', closedOn, { notBefore: [centre.designated_on, 'when it was designated'] });
      await manager.query('UPDATE catapult_centres SET closed_on = $2, closed_precision = $3 WHERE id = $1', [
        input.centreId,
        closedOn,
        input.closedOnPrecision,
      ]);
      await publish(CentreClosed, {
        subject: input.centreId,
        data: { centreId: input.centreId, closedOn, closedOnPrecision: input.closedOnPrecision },
      });
    });
    return { id: input.centreId };
  }

  async selectNode(input: SelectNodeInput, authorize: () => Caller): Promise<{ id: string }> {
    const name = requiredText('name', input.name, 200);
    const host = organizationInput('host', input.host);
    const [hostClusterId = null] = idList('hostClusterId', input.hostClusterId ? [input.hostClusterId] : []);
    const locations = placesInput('locations', input.locations);
    const centreIds = idList('centreIds', input.centreIds);
    const selectedOn = notInTheFuture('selectedOn', sourcedDate('selectedOn', input.selectedOn, input.selectedOnPrecision));
    const amountGranted =
      input.amountGranted === null || input.amountGranted === undefined ? null : wholeAmount('amountGranted', input.amountGranted);
    const caller = authorize();
    const id = randomUUID();
    await this.unitOfWork.run(async ({ manager, publish }) => {
      await requireKnownClusters(manager, 'hostClusterId', hostClusterId === null ? [] : [hostClusterId]);
      await mustBeCentres(manager, 'centreIds', centreIds);
      await mustBeNewName(manager, 'catapult_nodes', name);
      await manager.query(
        `INSERT INTO catapult_nodes (id, name, host_name, host_org_number, host_cluster_id, locations, centre_ids,
           selected_on, selected_precision, amount_granted, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          id,
          name,
          host.name,
          host.orgNumber,
          hostClusterId,
          JSON.stringify(locations),
          centreIds,
          selectedOn,
          input.selectedOnPrecision,
          amountGranted?.toString() ?? null,
          caller.subject,
        ],
      );
      await publish(NodeSelected, {
        subject: id,
        data: {
          nodeId: id,
          name,
          hostOrgNumber: host.orgNumber,
          hostClusterId,
          countyCodes: [...new Set(locations.map((place) => place.countyCode))],
          centreIds,
          selectedOn,
          selectedOnPrecision: input.selectedOnPrecision,
          amountGranted: amountGranted?.toString() ?? null,
        },
      });
    });
    return { id };
  }

  /** An allocation as a source reports it; it has no event of its own (nothing consumes it yet). */
  async recordAllocation(input: RecordAllocationInput, authorize: () => Caller): Promise<{ id: string }> {
    const thisYear = Number(norwegianDate(new Date()).slice(0, 4));
    if (!Number.isInteger(input.year) || input.year < FIRST_YEAR || input.year > thisYear) {
      throw new BadUserInputError('year', `year must be from ${FIRST_YEAR}, when Norsk katapult began, to ${thisYear}`);
    }
    const amount = wholeAmount('amount', input.amount);
    const centreIds = idList('centreIds', input.centreIds);
    if (input.recipient === 'CENTRES' && centreIds.length === 0)
      throw new BadUserInputError('centreIds', 'centreIds must name the centres it went to');
    if (input.recipient !== 'CENTRES' && centreIds.length > 0) {
      throw new BadUserInputError('centreIds', 'centreIds name centres only for an allocation to CENTRES');
    }
    const grantedBy = optionalText('grantedBy', input.grantedBy, 200);
    const purpose = requiredText('purpose', input.purpose, 500);
    const caller = authorize();
    const id = randomUUID();
    await this.unitOfWork.run(async ({ manager, publish }) => {
      await mustBeCentres(manager, 'centreIds', centreIds);
      await manager.query(
        `INSERT INTO catapult_allocations (id, year, amount, amount_bound, recipient, centre_ids, granted_by, purpose, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, input.year, amount.toString(), input.amountBound, input.recipient, centreIds, grantedBy, purpose, caller.subject],
      );
      await publish(AllocationRecorded, {
        subject: id,
        data: {
          allocationId: id,
          year: input.year,
          amount: amount.toString(),
          amountBound: input.amountBound,
          recipient: input.recipient,
          centreIds,
          grantedBy,
          purpose,
        },
      });
    });
    return { id };
  }
}

function notInTheFuture(field: string, date: string): string {
  return dateWithin(field, date, {
    notBefore: [SCHEME_START, 'when Norsk katapult began'],
    notAfter: [norwegianDate(new Date()), 'today'],
  });
}

async function mustBeNewName(manager: EntityManager, table: 'catapult_centres' | 'catapult_nodes', name: string): Promise<void> {
  const taken = await manager.query<unknown[]>(`SELECT 1 FROM ${table} WHERE lower(name) = lower($1)`, [name]);
  if (taken.length > 0) throw new ConflictError(`There is already one called ${name}`, 'name');
}

/** Every id names a centre of this subgraph. */
export async function mustBeCentres(manager: EntityManager, field: string, centreIds: readonly string[]): Promise<void> {
  if (centreIds.length === 0) return;
  const rows = await manager.query<{ id: string }[]>('SELECT id FROM catapult_centres WHERE id = ANY($1::uuid[])', [[...centreIds]]);
  const known = new Set(rows.map((row) => row.id));
  const unknown = centreIds.find((id) => !known.has(id));
  if (unknown !== undefined) throw new BadUserInputError(field, `${unknown} is not a catapult centre`);
}
