import type { DatePrecision, IsoDate } from '@klynge/contracts';
import { defineEventStream } from '@klynge/platform';

/** The catapult subgraph's streams; each event's JSON Schema is in schemas/events/<topic>/. */
export const centreStream = defineEventStream({ domain: 'catapult', aggregate: 'centre', version: 1 });
export const projectStream = defineEventStream({ domain: 'catapult', aggregate: 'project', version: 1 });
export const allocationStream = defineEventStream({ domain: 'catapult', aggregate: 'allocation', version: 1 });

export interface CentreDesignatedData {
  readonly centreId: string;
  readonly name: string;
  readonly theme: string;
  readonly designatedOn: IsoDate;
  readonly designatedOnPrecision: DatePrecision;
  /** The counties it is located in (2024 codes). */
  readonly countyCodes: readonly string[];
  /** The clusters that stand behind it, by the clusters subgraph's ids. */
  readonly clusterIds: readonly string[];
}

/** A centre stopped being a catapult centre. */
export interface CentreClosedData {
  readonly centreId: string;
  readonly closedOn: IsoDate;
  readonly closedOnPrecision: DatePrecision;
}

/** A regional node, on the centre stream: nodes belong to the scheme of centres. */
export interface NodeSelectedData {
  readonly nodeId: string;
  readonly name: string;
  readonly hostOrgNumber: string | null;
  readonly hostClusterId: string | null;
  readonly countyCodes: readonly string[];
  readonly centreIds: readonly string[];
  readonly selectedOn: IsoDate;
  readonly selectedOnPrecision: DatePrecision;
  /** Whole NOK as a decimal string; null where the sources give no amount for the node. */
  readonly amountGranted: string | null;
}

export interface ProjectStartedData {
  readonly projectId: string;
  readonly centreId: string;
  readonly orgNumber: string;
  readonly title: string;
  readonly startedOn: IsoDate;
  readonly services: readonly string[];
}

export interface ProjectCompletedData {
  readonly projectId: string;
  readonly centreId: string;
  readonly orgNumber: string;
  readonly endedOn: IsoDate;
}

/** Money to Norsk katapult in one year, as a source reports it. */
export interface AllocationRecordedData {
  readonly allocationId: string;
  readonly year: number;
  /** Whole NOK as a decimal string; a lower bound when amountBound is MORE_THAN. */
  readonly amount: string;
  readonly amountBound: 'EXACT' | 'MORE_THAN';
  readonly recipient: 'SCHEME' | 'CENTRES' | 'NODES';
  /** The centres it went to, only when recipient is CENTRES. */
  readonly centreIds: readonly string[];
  /** Null where the source does not say. */
  readonly grantedBy: string | null;
  readonly purpose: string;
}

export const CentreDesignated = centreStream.event<CentreDesignatedData>('CentreDesignated');
export const CentreClosed = centreStream.event<CentreClosedData>('CentreClosed');
export const NodeSelected = centreStream.event<NodeSelectedData>('NodeSelected');
export const ProjectStarted = projectStream.event<ProjectStartedData>('ProjectStarted');
export const ProjectCompleted = projectStream.event<ProjectCompletedData>('ProjectCompleted');
export const AllocationRecorded = allocationStream.event<AllocationRecordedData>('AllocationRecorded');
