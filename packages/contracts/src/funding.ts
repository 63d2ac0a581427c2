import { defineEventStream } from '@klynge/platform';
import type { ClusterLevel, DatePrecision, IsoDate, MoneyData } from './common';

/** The funding service's streams: agencies, programmes (with their calls), budgets, applications, grants (with their payments). */
export const agencyStream = defineEventStream({ domain: 'funding', aggregate: 'agency', version: 1 });
export const fundingProgrammeStream = defineEventStream({ domain: 'funding', aggregate: 'programme', version: 1 });
export const budgetStream = defineEventStream({ domain: 'funding', aggregate: 'budget', version: 1 });
export const applicationStream = defineEventStream({ domain: 'funding', aggregate: 'application', version: 1 });
export const grantStream = defineEventStream({ domain: 'funding', aggregate: 'grant', version: 1 });

export type GrantRecipientData =
  { readonly type: 'CLUSTER'; readonly clusterId: string } | { readonly type: 'ORGANIZATION'; readonly orgNumber: string };

export interface GrantAwardedData {
  readonly grantId: string;
  readonly applicationId: string;
  readonly programmeCode: string;
  readonly agencyCode: string;
  readonly recipient: GrantRecipientData;
  readonly amountAwarded: MoneyData;
  readonly awardDate: IsoDate;
  readonly plannedStart: IsoDate;
  readonly plannedEnd: IsoDate;
  /** The programme status the grant gives a cluster recipient (a cluster-programme grant), if any. */
  readonly clusterLevel: ClusterLevel | null;
}

/** One recipient of a reported grant: as the source names it, and where we know it, which cluster or organisation. */
export interface ReportedRecipientData {
  readonly name: string;
  readonly clusterId: string | null;
  readonly orgNumber: string | null;
}

/**
 * A grant made outside Klynge's application workflow, recorded from a public report (e.g. the
 * Conversion Engine's awards of 2017): possibly to several recipients (a consortium), with an
 * award date known perhaps only to the year, and no planned period unless the source gives one.
 */
export interface GrantReportedData {
  readonly grantId: string;
  readonly programmeCode: string;
  readonly agencyCode: string;
  readonly recipients: readonly ReportedRecipientData[];
  readonly amountAwarded: MoneyData;
  readonly awardDate: IsoDate;
  readonly awardDatePrecision: DatePrecision;
  readonly budgetYear: number;
  /** Where it was reported, e.g. "SINTEF news, 2017". */
  readonly source: string;
}

export interface BudgetAllocatedData {
  readonly programmeCode: string;
  readonly agencyCode: string;
  readonly year: number;
  readonly amount: MoneyData;
  readonly cofunders: readonly { readonly name: string; readonly amount: MoneyData }[];
}

export interface AgencyRegisteredData {
  readonly agencyCode: string;
  readonly name: string;
  /** INNOVATION_NORWAY, SIVA, RESEARCH_COUNCIL, ENOVA, EU, MINISTRY or OTHER. */
  readonly kind: string;
  /** Null where it was registered without one: not known, not "none". */
  readonly orgNumber: string | null;
}

export interface ProgrammeCreatedData {
  readonly programmeCode: string;
  readonly agencyCode: string;
  readonly name: string;
  readonly purpose: string | null;
  /** Null: which levels it accepts is not known (not "none"). */
  readonly eligibleClusterLevels: readonly ClusterLevel[] | null;
  /** Null: which kinds of organisation it accepts is not known (not "none"). */
  readonly eligibleOrganizationKinds: readonly string[] | null;
  readonly periodStart: IsoDate;
  readonly periodStartPrecision: DatePrecision;
  readonly periodEnd: IsoDate | null;
  readonly periodEndPrecision: DatePrecision | null;
}

/** A call of a programme, on the programme's stream: calls belong to their programme. */
export interface CallOpenedData {
  readonly callId: string;
  readonly programmeCode: string;
  readonly agencyCode: string;
  readonly title: string;
  readonly targetLevel: ClusterLevel | null;
  readonly opensOn: IsoDate;
  readonly closesAt: string;
  readonly decisionDate: IsoDate | null;
  readonly projectStart: IsoDate | null;
}

/** What every event of an application names: itself, its call and programme, and who applies. */
export interface ApplicationEventSubject {
  readonly applicationId: string;
  readonly callId: string;
  readonly programmeCode: string;
  readonly applicant: GrantRecipientData;
}

/** A DRAFT application: not yet before the agency, but already the applicant's. */
export interface ApplicationCreatedData extends ApplicationEventSubject {
  readonly title: string;
  readonly requested: MoneyData;
  readonly ownFunding: MoneyData;
  readonly createdAt: string;
}

export interface ApplicationReviewStartedData extends ApplicationEventSubject {
  readonly startedAt: string;
}

export interface ApplicationWithdrawnData extends ApplicationEventSubject {
  /** DRAFT, SUBMITTED or UNDER_REVIEW: where it was withdrawn from. */
  readonly previousStatus: 'DRAFT' | 'SUBMITTED' | 'UNDER_REVIEW';
  readonly withdrawnAt: string;
}

export interface ApplicationSubmittedData extends ApplicationEventSubject {
  readonly title: string;
  readonly requested: MoneyData;
  readonly submittedAt: string;
}

export interface ApplicationDecidedData extends ApplicationEventSubject {
  readonly decision: 'GRANTED' | 'REJECTED';
  readonly decidedAt: string;
  /** The grant made, when GRANTED. */
  readonly grantId: string | null;
}

export interface DisbursementPaidData {
  readonly disbursementId: string;
  readonly grantId: string;
  readonly amount: MoneyData;
  readonly paidOn: IsoDate;
  /** Paid on the grant so far, this payment included. */
  readonly totalPaid: MoneyData;
}

export const AgencyRegistered = agencyStream.event<AgencyRegisteredData>('AgencyRegistered');
export const ProgrammeCreated = fundingProgrammeStream.event<ProgrammeCreatedData>('ProgrammeCreated');
export const CallOpened = fundingProgrammeStream.event<CallOpenedData>('CallOpened');
export const ApplicationCreated = applicationStream.event<ApplicationCreatedData>('ApplicationCreated');
export const ApplicationReviewStarted = applicationStream.event<ApplicationReviewStartedData>('ApplicationReviewStarted');
export const ApplicationWithdrawn = applicationStream.event<ApplicationWithdrawnData>('ApplicationWithdrawn');
export const BudgetAllocated = budgetStream.event<BudgetAllocatedData>('BudgetAllocated');
export const ApplicationSubmitted = applicationStream.event<ApplicationSubmittedData>('ApplicationSubmitted');
export const ApplicationDecided = applicationStream.event<ApplicationDecidedData>('ApplicationDecided');
export const GrantAwarded = grantStream.event<GrantAwardedData>('GrantAwarded');
export const GrantReported = grantStream.event<GrantReportedData>('GrantReported');
export const DisbursementPaid = grantStream.event<DisbursementPaidData>('DisbursementPaid');
