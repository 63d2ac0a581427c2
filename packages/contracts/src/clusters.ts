import { defineEventStream } from '@klynge/platform';
import type { ClusterLevel, IsoDate } from './common';

/** The clusters service's streams: clusters, organisations, memberships. */
export const clusterStream = defineEventStream({ domain: 'clusters', aggregate: 'cluster', version: 1 });
export const organizationStream = defineEventStream({ domain: 'clusters', aggregate: 'organization', version: 1 });
export const membershipStream = defineEventStream({ domain: 'clusters', aggregate: 'membership', version: 1 });

/** The public facts of a cluster, as every cluster event after a change carries them. */
export interface ClusterSnapshotData {
  readonly clusterId: string;
  readonly name: string;
  readonly slug: string;
  readonly shortName: string | null;
  /** The latest level the cluster was given (it may have ended: see levelUntil). */
  readonly level: ClusterLevel;
  /**
   * The day from which the cluster no longer holds `level` and its next level is not known (NCE
   * ended as a level with 2019); null or left out while it holds it.
   */
  readonly levelUntil?: IsoDate | null;
  /** Null when its sources name no county, or several (added within v1). */
  readonly countyCode: string | null;
  readonly municipalityCode: string | null;
  readonly town: string | null;
  readonly sectors: readonly string[];
  readonly programmeStart: IsoDate | null;
  readonly programmeEnd: IsoDate | null;
}

/** `levelSince` is null when the cluster's level history comes from sources that give no start year (added within v1). */
export type ClusterRegisteredData = ClusterSnapshotData & { readonly levelSince: IsoDate | null };
export type ClusterUpdatedData = ClusterSnapshotData & { readonly changedFields: readonly string[] };

export interface ClusterLevelChangedData {
  readonly clusterId: string;
  readonly previousLevel: ClusterLevel;
  readonly level: ClusterLevel;
  readonly effectiveFrom: IsoDate;
  readonly reason: string;
  /** What decided it, e.g. `grant:<id>` when a funding decision granted the status. */
  readonly decisionReference: string | null;
}

/** A cluster's level ended, and what it holds after is not known (e.g. NCE, a level until 2018). */
export interface ClusterLevelEndedData {
  readonly clusterId: string;
  readonly level: ClusterLevel;
  /** The first day it no longer holds the level. */
  readonly effectiveFrom: IsoDate;
  readonly reason: string;
}

export interface OrganizationRegisteredData {
  readonly orgNumber: string;
  readonly name: string;
  readonly kind: 'COMPANY' | 'RESEARCH_INSTITUTION' | 'PUBLIC_BODY' | 'OTHER';
  readonly organizationForm: string | null;
  readonly naceCode: string | null;
  readonly municipalityCode: string | null;
  readonly employees: number | null;
  readonly sizeClass: 'SME' | 'LARGE' | null;
}

export interface MembershipStartedData {
  readonly membershipId: string;
  readonly clusterId: string;
  readonly orgNumber: string;
  readonly role: 'MEMBER' | 'PARTNER' | 'HOST';
  readonly joinedOn: IsoDate;
}

export interface MembershipEndedData {
  readonly membershipId: string;
  readonly clusterId: string;
  readonly orgNumber: string;
  readonly leftOn: IsoDate;
}

export const ClusterRegistered = clusterStream.event<ClusterRegisteredData>('ClusterRegistered');
export const ClusterUpdated = clusterStream.event<ClusterUpdatedData>('ClusterUpdated');
export const ClusterLevelChanged = clusterStream.event<ClusterLevelChangedData>('ClusterLevelChanged');
export const ClusterLevelEnded = clusterStream.event<ClusterLevelEndedData>('ClusterLevelEnded');
export const OrganizationRegistered = organizationStream.event<OrganizationRegisteredData>('OrganizationRegistered');
export const MembershipStarted = membershipStream.event<MembershipStartedData>('MembershipStarted');
export const MembershipEnded = membershipStream.event<MembershipEndedData>('MembershipEnded');
