import {
  ClusterLevelChanged,
  ClusterRegistered,
  type ClusterSnapshotData,
  ClusterUpdated,
  GrantAwarded,
  MembershipEnded,
  MembershipStarted,
  OrganizationRegistered,
} from '@klynge/contracts';
import { eventConsumer, type EventHandlerContext } from '@klynge/platform';
import type { ProgrammeService } from '../programmes/programme.service';

/**
 * Read models of the clusters service's data (clusters and their levels for host eligibility;
 * memberships for "member of a cluster" at enrolment; organisations for reach by county), and
 * the funding service's grants, which open the programmes waiting for them.
 */
export const clusterDirectory = eventConsumer('cluster-directory')
  .on(ClusterRegistered, (event, context) => saveCluster(event.data, context))
  .on(ClusterUpdated, (event, context) => saveCluster(event.data, context))
  .on(ClusterLevelChanged, async (event, { manager }) => {
    await manager.query('UPDATE cluster_directory SET level = $2 WHERE cluster_id = $1', [event.data.clusterId, event.data.level]);
  });

export const membershipDirectory = eventConsumer('membership-directory')
  .on(MembershipStarted, async (event, { manager }) => {
    const { membershipId, clusterId, orgNumber, joinedOn } = event.data;
    await manager.query(
      `INSERT INTO membership_directory (membership_id, cluster_id, org_number, joined_on) VALUES ($1, $2, $3, $4)
       ON CONFLICT (membership_id) DO NOTHING`,
      [membershipId, clusterId, orgNumber, joinedOn],
    );
  })
  .on(MembershipEnded, async (event, { manager }) => {
    await manager.query('UPDATE membership_directory SET left_on = $2 WHERE membership_id = $1', [event.data.membershipId, event.data.leftOn]);
  })
  .on(OrganizationRegistered, async (event, { manager }) => {
    const { orgNumber, name, municipalityCode } = event.data;
    await manager.query(
      `INSERT INTO organization_directory (org_number, name, county_code) VALUES ($1, $2, $3)
       ON CONFLICT (org_number) DO UPDATE SET name = EXCLUDED.name, county_code = EXCLUDED.county_code`,
      [orgNumber, name, municipalityCode?.slice(0, 2) ?? null],
    );
  });

export function grantsConsumer(programmes: ProgrammeService) {
  return eventConsumer('grants').on(GrantAwarded, (event, transaction) => programmes.recordGrant(transaction, event.data));
}

async function saveCluster(cluster: ClusterSnapshotData, { manager }: EventHandlerContext): Promise<void> {
  await manager.query(
    `INSERT INTO cluster_directory (cluster_id, name, level, county_code) VALUES ($1, $2, $3, $4)
     ON CONFLICT (cluster_id) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, county_code = EXCLUDED.county_code`,
    [cluster.clusterId, cluster.name, cluster.level, cluster.countyCode],
  );
}
