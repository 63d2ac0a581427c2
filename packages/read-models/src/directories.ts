import {
  ClusterLevelChanged,
  ClusterRegistered,
  type ClusterSnapshotData,
  ClusterUpdated,
  OrganizationRegistered,
} from '@klynge/contracts';
import { eventConsumer, type EventHandlerContext } from '@klynge/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The clusters and organisations a service has heard of from the clusters service's events,
 * kept in the service's own database, so that it keeps working (eligibility, names, counties)
 * while the clusters service is down. A service adds the migration to its own and runs the
 * consumers.
 */
export class CreateDirectories1795550000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE cluster_directory (
        cluster_id  uuid PRIMARY KEY,
        name        text NOT NULL,
        level       text NOT NULL,
        county_code text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE organization_directory (
        org_number  text PRIMARY KEY,
        name        text NOT NULL,
        kind        text NOT NULL,
        county_code text
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE organization_directory, cluster_directory');
  }
}

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
    // The county is the first two digits of the municipality number.
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
