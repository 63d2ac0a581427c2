import { defineEventStream } from '@klynge/platform';

/** The research subgraph's streams; each event's JSON Schema is in schemas/events/<topic>/. */
export const projectStream = defineEventStream({ domain: 'research', aggregate: 'project', version: 1 });
export const callStream = defineEventStream({ domain: 'research', aggregate: 'call', version: 1 });

export type ResearchPhase = 'GRANTED' | 'RUNNING' | 'COMPLETED';

/**
 * A project as other services may know it. Never the project manager: that is personal data,
 * shown only to Forskningsrådet's own roles.
 */
export interface ResearchProjectSnapshot {
  readonly projectId: string;
  /** Six digits, sometimes with a suffix: "184951/I30". */
  readonly projectNumber: string;
  readonly title: string;
  readonly applicationType: string;
  readonly activityCode: string | null;
  readonly ownerOrgNumber: string;
  readonly partners: readonly { readonly orgNumber: string; readonly role: string }[];
  readonly startYear: number;
  readonly endYear: number;
  readonly phase: ResearchPhase;
  /** Whole NOK per year; `year` null for an amount the source does not split by year. */
  readonly allocations: readonly { readonly year: number | null; readonly amount: string }[];
  readonly total: string;
}

export const ProjectGranted = projectStream.event<ResearchProjectSnapshot>('ProjectGranted');
export const ProjectUpdated = projectStream.event<ResearchProjectSnapshot>('ProjectUpdated');
export const ProjectCompleted = projectStream.event<{
  readonly projectId: string;
  readonly projectNumber: string;
  readonly endYear: number;
}>('ProjectCompleted');

/** A call for proposals as Forskningsrådet announced it; what the announcement does not give is null. */
export interface CallRecordedData {
  readonly callId: string;
  readonly activityCode: string | null;
  readonly applicationType: string | null;
  readonly title: string;
  readonly opensOn: string | null;
  readonly deadline: string | null;
  readonly continuousIntake: boolean;
  readonly decisionBy: string | null;
  readonly earliestStart: string | null;
  readonly latestStart: string | null;
  /** Whole NOK as a decimal string, with amountBound. */
  readonly amountOffered: string | null;
  readonly amountBound: 'EXACT' | 'UP_TO' | null;
}

export const CallRecorded = callStream.event<CallRecordedData>('CallRecorded');
