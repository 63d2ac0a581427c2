import { COUNTIES } from '@klynge/contracts';
import {
  type AgencySupportYearType,
  containsPattern,
  SqlConditions,
  type DatePrecision,
  groupByKey,
  isUuid,
  nok,
  type RequestContext,
} from '@klynge/platform';
import { registeredSubgraph } from '@klynge/schemas';
import type { DataSource } from 'typeorm';
import type { StoredOrganization, StoredPlace } from './scheme.validation';
import type { AllocationRecipient, AllocationRecord, AllocationYearType, AmountBound } from './allocation.types';
import type { CatapultTheme, CentreFilter, CentreRecord } from './centre.types';
import type { NodeFilter, NodeRecord } from './node.types';
import type { PlaceType } from './place-organization.types';

/** The agency whose money the scheme is. */
const SCHEME_AGENCY = registeredSubgraph('catapult').owner;

const CENTRE_COLUMNS = `id, name, also_known_as, theme, to_char(designated_on, 'YYYY-MM-DD') AS designated_on, designated_precision,
  to_char(closed_on, 'YYYY-MM-DD') AS closed_on, closed_precision,
  locations, host_organizations, partner_organizations, cluster_ids`;
const NODE_COLUMNS = `id, name, host_name, host_org_number, host_cluster_id, locations, centre_ids,
  to_char(selected_on, 'YYYY-MM-DD') AS selected_on, selected_precision, amount_granted::text AS amount_granted`;
const ALLOCATION_COLUMNS = 'id, year, amount::text AS amount, amount_bound, recipient, centre_ids, granted_by, purpose';

interface CentreRow {
  id: string;
  name: string;
  also_known_as: string[];
  theme: CatapultTheme;
  designated_on: string;
  designated_precision: DatePrecision;
  closed_on: string | null;
  closed_precision: DatePrecision | null;
  locations: StoredPlace[];
  host_organizations: StoredOrganization[];
  partner_organizations: StoredOrganization[];
  cluster_ids: string[];
}

interface NodeRow {
  id: string;
  name: string;
  host_name: string;
  host_org_number: string | null;
  host_cluster_id: string | null;
  locations: StoredPlace[];
  centre_ids: string[];
  selected_on: string;
  selected_precision: DatePrecision;
  amount_granted: string | null;
}

interface AllocationRow {
  id: string;
  year: number;
  amount: string;
  amount_bound: AmountBound;
  recipient: AllocationRecipient;
  centre_ids: string[];
  granted_by: string | null;
  purpose: string;
}

const places = (stored: readonly StoredPlace[]): PlaceType[] =>
  stored.map((place) => ({ ...place, countyName: COUNTIES[place.countyCode] ?? 'Unknown county' }));

const toCentre = (row: CentreRow): CentreRecord => ({
  id: row.id,
  name: row.name,
  alsoKnownAs: row.also_known_as,
  theme: row.theme,
  status: row.closed_on === null ? 'DESIGNATED' : 'CLOSED',
  designatedOn: row.designated_on,
  designatedOnPrecision: row.designated_precision,
  closedOn: row.closed_on,
  closedOnPrecision: row.closed_precision,
  locations: places(row.locations),
  hostOrganizations: row.host_organizations,
  partnerOrganizations: row.partner_organizations,
  clusterIds: row.cluster_ids,
});

const toNode = (row: NodeRow): NodeRecord => ({
  id: row.id,
  name: row.name,
  host: { name: row.host_name, orgNumber: row.host_org_number },
  hostClusterId: row.host_cluster_id,
  locations: places(row.locations),
  centreIds: row.centre_ids,
  selectedOn: row.selected_on,
  selectedOnPrecision: row.selected_precision,
  amountGranted: row.amount_granted === null ? null : nok(row.amount_granted),
});

const toAllocation = (row: AllocationRow): AllocationRecord => ({
  id: row.id,
  year: row.year,
  amount: nok(row.amount),
  amountBound: row.amount_bound,
  recipient: row.recipient,
  centreIds: row.centre_ids,
  grantedBy: row.granted_by,
  purpose: row.purpose,
});

/** Reading the scheme; lookups by key go through the request's loaders, one statement per kind of lookup. */
export class SchemeQueries {
  constructor(private readonly dataSource: DataSource) {}

  centre(context: RequestContext, id: string): Promise<CentreRecord | null> {
    return context.loaders.byUuid('catapult.centreById', id, (ids) => this.centresWhere('WHERE id = ANY($1::uuid[])', [ids]));
  }

  /** The centres a cluster stands behind, for every cluster of one request at once. */
  centresOfCluster(context: RequestContext, clusterId: string): Promise<CentreRecord[]> {
    return context.loaders
      .get<string, CentreRecord[]>('catapult.centresOfCluster', async (clusterIds) => {
        const centres = await this.centresWhere('WHERE cluster_ids && $1::uuid[]', [clusterIds.filter(isUuid)]);
        return clusterIds.map((clusterId) => centres.filter((centre) => centre.clusterIds.includes(clusterId)));
      })
      .load(clusterId);
  }

  /** The nodes a cluster hosts. */
  nodesOfCluster(context: RequestContext, clusterId: string): Promise<NodeRecord[]> {
    return context.loaders
      .get<string, NodeRecord[]>('catapult.nodesOfCluster', async (clusterIds) =>
        groupByKey(
          clusterIds,
          await this.nodesWhere('WHERE host_cluster_id = ANY($1::uuid[])', [clusterIds.filter(isUuid)]),
          (node) => node.hostClusterId!,
        ),
      )
      .load(clusterId);
  }

  /**
   * What a cluster received through Norsk katapult, per year: the amounts granted to the nodes it
   * hosts, in the year they were selected. Money to the scheme or to centres is not the cluster's,
   * and a node's share of a total the sources give only as a total is not known.
   */
  supportOfCluster(context: RequestContext, clusterId: string): Promise<AgencySupportYearType[]> {
    return context.loaders
      .get<string, AgencySupportYearType[]>('catapult.supportOfCluster', async (clusterIds) => {
        const rows = await this.dataSource.query<{ cluster_id: string; year: number; amount: string }[]>(
          `SELECT host_cluster_id AS cluster_id, extract(year FROM selected_on)::int AS year, sum(amount_granted)::text AS amount
           FROM catapult_nodes WHERE host_cluster_id = ANY($1::uuid[]) AND amount_granted IS NOT NULL
           GROUP BY host_cluster_id, year ORDER BY year`,
          [clusterIds.filter(isUuid)],
        );
        return groupByKey(clusterIds, rows, (row) => row.cluster_id).map((years) =>
          years.map((row) => ({ agencyCode: SCHEME_AGENCY, year: row.year, amount: nok(row.amount) })),
        );
      })
      .load(clusterId);
  }

  /** The nodes that work with a centre. */
  nodesOfCentre(context: RequestContext, centreId: string): Promise<NodeRecord[]> {
    return context.loaders
      .get<string, NodeRecord[]>('catapult.nodesOfCentre', async (centreIds) => {
        const nodes = await this.nodesWhere('WHERE centre_ids && $1::uuid[]', [centreIds.filter(isUuid)]);
        return centreIds.map((id) => nodes.filter((node) => node.centreIds.includes(id)));
      })
      .load(centreId);
  }

  node(context: RequestContext, id: string): Promise<NodeRecord | null> {
    return context.loaders.byUuid('catapult.nodeById', id, (ids) => this.nodesWhere('WHERE id = ANY($1::uuid[])', [ids]));
  }

  async centres(filter: CentreFilter | undefined): Promise<CentreRecord[]> {
    if (filter?.clusterId && !isUuid(filter.clusterId)) return [];
    const conditions = new SqlConditions();
    if (filter?.theme) conditions.add('theme = ?', filter.theme);
    if (filter?.countyCode) conditions.add(`locations @> jsonb_build_array(jsonb_build_object('countyCode', ?::text))`, filter.countyCode);
    if (filter?.clusterId) conditions.add('cluster_ids @> ARRAY[?]::uuid[]', filter.clusterId);
    if (filter?.text?.trim()) {
      const pattern = containsPattern(filter.text.trim());
      conditions.add('(name ILIKE ? OR EXISTS (SELECT 1 FROM unnest(also_known_as) AS other WHERE other ILIKE ?))', pattern, pattern);
    }
    return this.centresWhere(conditions.where, conditions.params);
  }

  async nodes(filter: NodeFilter | undefined): Promise<NodeRecord[]> {
    if (filter?.centreId && !isUuid(filter.centreId)) return [];
    const conditions = new SqlConditions();
    if (filter?.countyCode) conditions.add(`locations @> jsonb_build_array(jsonb_build_object('countyCode', ?::text))`, filter.countyCode);
    if (filter?.centreId) conditions.add('centre_ids @> ARRAY[?]::uuid[]', filter.centreId);
    if (filter?.selectedIn !== null && filter?.selectedIn !== undefined)
      conditions.add('extract(year FROM selected_on) = ?', filter.selectedIn);
    return this.nodesWhere(conditions.where, conditions.params);
  }

  async allocations(year: number | undefined): Promise<AllocationRecord[]> {
    const rows = await this.dataSource.query<AllocationRow[]>(
      `SELECT ${ALLOCATION_COLUMNS} FROM catapult_allocations ${year === undefined ? '' : 'WHERE year = $1'} ORDER BY year, created_at, id`,
      year === undefined ? [] : [year],
    );
    return rows.map(toAllocation);
  }

  async allocationsByYear(): Promise<AllocationYearType[]> {
    const years = new Map<number, AllocationRecord[]>();
    for (const allocation of await this.allocations(undefined))
      years.set(allocation.year, [...(years.get(allocation.year) ?? []), allocation]);
    return [...years].map(([year, allocations]) => ({
      year,
      total: nok(allocations.reduce((sum, allocation) => sum + BigInt(allocation.amount.amount), 0n)),
      totalIsLowerBound: allocations.some((allocation) => allocation.amountBound === 'MORE_THAN'),
      allocations,
    }));
  }

  centresByIds(context: RequestContext, ids: readonly string[]): Promise<CentreRecord[]> {
    return Promise.all(ids.map((id) => this.centre(context, id))).then((centres) => centres.filter((centre) => centre !== null));
  }

  private async centresWhere(where: string, parameters: unknown[]): Promise<CentreRecord[]> {
    const rows = await this.dataSource.query<CentreRow[]>(
      `SELECT ${CENTRE_COLUMNS} FROM catapult_centres ${where} ORDER BY designated_on, name`,
      parameters,
    );
    return rows.map(toCentre);
  }

  private async nodesWhere(where: string, parameters: unknown[]): Promise<NodeRecord[]> {
    const rows = await this.dataSource.query<NodeRow[]>(
      `SELECT ${NODE_COLUMNS} FROM catapult_nodes ${where} ORDER BY selected_on, name`,
      parameters,
    );
    return rows.map(toNode);
  }
}
