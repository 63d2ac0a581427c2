import { defineEventStream } from '@klynge/platform';
import type { IsoDate } from './common';

/** The competence service's streams: competence programmes and enrolments. */
export const competenceProgrammeStream = defineEventStream({ domain: 'competence', aggregate: 'programme', version: 1 });
export const enrolmentStream = defineEventStream({ domain: 'competence', aggregate: 'enrolment', version: 1 });

export type CompetenceProgrammeStatus = 'PLANNED' | 'OPEN' | 'RUNNING' | 'COMPLETED' | 'CANCELLED';

export interface ProgrammeLaunchedData {
  readonly programmeId: string;
  readonly name: string;
  readonly fundingProgrammeCode: string | null;
  readonly fundingApplicationId: string | null;
  readonly hostClusterIds: readonly string[];
  readonly themes: readonly string[];
  readonly targetCompanies: number | null;
  readonly capacity: number | null;
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate | null;
}

export interface ProgrammeStatusChangedData {
  readonly programmeId: string;
  readonly previousStatus: CompetenceProgrammeStatus;
  readonly status: CompetenceProgrammeStatus;
  /** The grant that let it open, when it opened. */
  readonly grantId: string | null;
}

export interface CompanyEnrolledData {
  readonly enrolmentId: string;
  readonly programmeId: string;
  readonly orgNumber: string;
  readonly enrolledOn: IsoDate;
  /** Whether the organisation was a member of any cluster that day: the programme reaches beyond them. */
  readonly memberOfCluster: boolean;
}

export interface EnrolmentCompletedData {
  readonly enrolmentId: string;
  readonly programmeId: string;
  readonly orgNumber: string;
  readonly completedOn: IsoDate;
  readonly modulesCompleted: number;
}

/** A module of a programme, on the programme's stream: modules belong to their programme. */
export interface ModuleAddedData {
  readonly moduleId: string;
  readonly programmeId: string;
  readonly title: string;
  readonly theme: string;
  readonly format: string;
  readonly startsOn: IsoDate | null;
  readonly endsOn: IsoDate | null;
  /** Null: no limit is known (not "no places"). */
  readonly capacity: number | null;
}

export interface ModuleCompletedData {
  readonly enrolmentId: string;
  readonly programmeId: string;
  readonly moduleId: string;
  readonly orgNumber: string;
  readonly completedOn: IsoDate;
  /** Completed on the enrolment so far, this module included. */
  readonly modulesCompleted: number;
}

export interface EnrolmentDroppedData {
  readonly enrolmentId: string;
  readonly programmeId: string;
  readonly orgNumber: string;
  readonly droppedOn: IsoDate;
  readonly modulesCompleted: number;
}

export const ProgrammeLaunched = competenceProgrammeStream.event<ProgrammeLaunchedData>('ProgrammeLaunched');
export const ProgrammeStatusChanged = competenceProgrammeStream.event<ProgrammeStatusChangedData>('ProgrammeStatusChanged');
export const CompanyEnrolled = enrolmentStream.event<CompanyEnrolledData>('CompanyEnrolled');
export const EnrolmentCompleted = enrolmentStream.event<EnrolmentCompletedData>('EnrolmentCompleted');
export const ModuleAdded = competenceProgrammeStream.event<ModuleAddedData>('ModuleAdded');
export const ModuleCompleted = enrolmentStream.event<ModuleCompletedData>('ModuleCompleted');
export const EnrolmentDropped = enrolmentStream.event<EnrolmentDroppedData>('EnrolmentDropped');
