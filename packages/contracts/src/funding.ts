import { defineEventStream } from '@klynge/platform';
import type { ClusterLevel, IsoDate, MoneyData } from './common';

/** The funding service's grant stream (the funding issue publishes it; clusters consumes it). */
export const grantStream = defineEventStream({ domain: 'funding', aggregate: 'grant', version: 1 });

export type GrantRecipientData =
  | { readonly type: 'CLUSTER'; readonly clusterId: string }
  | { readonly type: 'ORGANIZATION'; readonly orgNumber: string };

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

export const GrantAwarded = grantStream.event<GrantAwardedData>('GrantAwarded');
