import {
  ClusterLevelChanged,
  ClusterRegistered,
  type ClusterSnapshotData,
  ClusterUpdated,
  OrganizationRegistered,
} from '@klynge/contracts';
import { eventConsumer, type EventHandlerContext } from '@klynge/platform';

/**
 * Small read models of the clusters service's data, kept from its events, so eligibility checks,
 * applicant names and county figures work while that service is down.
 */
export const clusterDirectory = eventConsumer('cluster-directory')
  .on(ClusterRegistered, (event, context) => saveCluster(event.data, context))
  .on(ClusterUpdated, (event, context) => saveCluster(event.data, context))
  .on(ClusterLevelChanged, async (event, { manager }) => {
    await manager.query('UPDATE cluster_directory SET level = $2 WHERE cluster_id = $1', [event.data.clusterId, event.data.level]);
  });

export const organizationDirectory = eventConsumer('organization-directory').on(OrganizationRegistered, async (event, { manager }) => {
  const { orgNumber, name, kind, municipalityCode } = event.data;
  await manager.query(
    `INSERT INTO organization_directory (org_number, name, kind, county_code) VALUES ($1, $2, $3, $4)
     ON CONFLICT (org_number) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, county_code = EXCLUDED.county_code`,
    [orgNumber, name, kind, municipalityCode?.slice(0, 2) ?? null],
  );
});

async function saveCluster(cluster: ClusterSnapshotData, { manager }: EventHandlerContext): Promise<void> {
  await manager.query(
    `INSERT INTO cluster_directory (cluster_id, name, level, county_code) VALUES ($1, $2, $3, $4)
     ON CONFLICT (cluster_id) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, county_code = EXCLUDED.county_code`,
    [cluster.clusterId, cluster.name, cluster.level, cluster.countyCode],
  );
}
