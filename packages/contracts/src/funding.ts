import { defineEventStream } from '@klynge/platform';
import type { ClusterLevel, IsoDate, MoneyData } from './common';

/** The funding service's streams: budgets, applications, grants (with their payments). */
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

export interface BudgetAllocatedData {
  readonly programmeCode: string;
  readonly agencyCode: string;
  readonly year: number;
  readonly amount: MoneyData;
  readonly cofunders: readonly { readonly name: string; readonly amount: MoneyData }[];
}

export interface ApplicationSubmittedData {
  readonly applicationId: string;
  readonly callId: string;
  readonly programmeCode: string;
  readonly applicant: GrantRecipientData;
  readonly title: string;
  readonly requested: MoneyData;
  readonly submittedAt: string;
}

export interface ApplicationDecidedData {
  readonly applicationId: string;
  readonly callId: string;
  readonly programmeCode: string;
  readonly applicant: GrantRecipientData;
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

export const BudgetAllocated = budgetStream.event<BudgetAllocatedData>('BudgetAllocated');
export const ApplicationSubmitted = applicationStream.event<ApplicationSubmittedData>('ApplicationSubmitted');
export const ApplicationDecided = applicationStream.event<ApplicationDecidedData>('ApplicationDecided');
export const GrantAwarded = grantStream.event<GrantAwardedData>('GrantAwarded');
export const DisbursementPaid = grantStream.event<DisbursementPaidData>('DisbursementPaid');
