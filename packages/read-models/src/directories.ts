import {
  ClusterLevelChanged,
  ClusterLevelEnded,
  ClusterRegistered,
  type ClusterSnapshotData,
  ClusterUpdated,
  MembershipEnded,
  MembershipStarted,
  OrganizationRegistered,
} from '@klynge/contracts';
import { BadUserInputError, endsAfterOsloToday, eventConsumer, type EventHandlerContext, isUuid, OSLO_TODAY } from '@klynge/platform';
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

/**
 * A cluster's level can end with no next level known (NCE, a level until 2018): the directory
 * keeps the last level and the day it ended; CURRENT_DIRECTORY_LEVEL reads the level held today.
 */
export class DirectoryLevelsEnd1795550000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE cluster_directory ADD COLUMN level_until date');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE cluster_directory DROP COLUMN level_until');
  }
}

/**
 * An organisation's size class (SME or large, from its head count) and municipality as the
 * clusters service knows them: a subgraph that counts SMEs, or places what an organisation does
 * where it is, reads them here.
 */
export class DirectoryOrganizationDetails1795550000002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE organization_directory ADD COLUMN size_class text, ADD COLUMN municipality_code text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE organization_directory DROP COLUMN size_class, DROP COLUMN municipality_code');
  }
}

/** A cluster whose sources name no county, or several, has none in the directory either. */
export class DirectoryCountyUnknown1797000000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE cluster_directory ALTER COLUMN county_code DROP NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM cluster_directory WHERE county_code IS NULL`);
    await queryRunner.query('ALTER TABLE cluster_directory ALTER COLUMN county_code SET NOT NULL');
  }
}

/**
 * Who is a member of which cluster, from the clusters service's membership events: for a
 * subgraph that answers for a cluster's members (their projects, their support). A service that
 * needs it adds `membershipMigrations` and runs `membershipDirectory`.
 */
export class CreateMembershipDirectory1795550000003 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE membership_directory (
        membership_id uuid PRIMARY KEY,
        cluster_id    uuid NOT NULL,
        org_number    text NOT NULL,
        joined_on     date NOT NULL,
        left_on       date
      )`);
    await queryRunner.query('CREATE INDEX membership_directory_by_cluster ON membership_directory (cluster_id)');
    await queryRunner.query('CREATE INDEX membership_directory_by_org ON membership_directory (org_number)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE membership_directory');
  }
}

export const membershipMigrations = [CreateMembershipDirectory1795550000003] as const;

/** SQL: a row of `membership_directory` (aliased `alias`) that is a membership today in Norway. */
export const currentMembership = (alias: string) => `(${alias}.joined_on <= ${OSLO_TODAY} AND ${endsAfterOsloToday(`${alias}.left_on`)})`;

export const membershipDirectory = eventConsumer('membership-directory')
  .readModel('membership_directory')
  .on(MembershipStarted, async (event, { manager }) => {
    const { membershipId, clusterId, orgNumber, joinedOn } = event.data;
    await manager.query(
      `INSERT INTO membership_directory (membership_id, cluster_id, org_number, joined_on) VALUES ($1, $2, $3, $4)
       ON CONFLICT (membership_id) DO UPDATE SET cluster_id = EXCLUDED.cluster_id, org_number = EXCLUDED.org_number, joined_on = EXCLUDED.joined_on`,
      [membershipId, clusterId, orgNumber, joinedOn],
    );
  })
  .on(MembershipEnded, async (event, { manager }) => {
    const { membershipId, clusterId, orgNumber, leftOn } = event.data;
    // An end that arrives before its start (another partition's order) keeps the membership, ended.
    await manager.query(
      `INSERT INTO membership_directory (membership_id, cluster_id, org_number, joined_on, left_on) VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (membership_id) DO UPDATE SET left_on = EXCLUDED.left_on`,
      [membershipId, clusterId, orgNumber, leftOn],
    );
  });

/** Every migration of the directories, for a service's own list. */
export const directoryMigrations = [
  CreateDirectories1795550000000,
  DirectoryLevelsEnd1795550000001,
  DirectoryOrganizationDetails1795550000002,
  DirectoryCountyUnknown1797000000001,
] as const;

/**
 * SQL: the level a cluster in `cluster_directory` holds today in Norway, null when it has ended
 * with no next level known.
 *
 * Which level is current is decided once, by the clusters service, from a cluster's level
 * periods (CURRENT_LEVEL_SQL in services/clusters); this reads back what its events say of that
 * decision: the level (`level`) and the day it stops being held (`levelUntil`, null while it
 * lasts). A reported cluster's events carry the level CURRENT_LEVEL_SQL gave when it was
 * registered, and a recorded level ends as a recorded period does there: held while its end is
 * after today in Norway (both read endsAfterOsloToday). What the directory cannot hold is a
 * change decided for a later day: ClusterLevelChanged sets the new level when it arrives, while
 * the clusters service shows it from its effectiveFrom.
 */
export const CURRENT_DIRECTORY_LEVEL = `CASE WHEN ${endsAfterOsloToday('level_until')} THEN level END`;

export const clusterDirectory = eventConsumer('cluster-directory')
  .readModel('cluster_directory')
  .on(ClusterRegistered, (event, context) => saveCluster(event.data, context))
  .on(ClusterUpdated, (event, context) => saveCluster(event.data, context))
  .on(ClusterLevelChanged, async (event, { manager }) => {
    await manager.query('UPDATE cluster_directory SET level = $2, level_until = NULL WHERE cluster_id = $1', [
      event.data.clusterId,
      event.data.level,
    ]);
  })
  .on(ClusterLevelEnded, async (event, { manager }) => {
    await manager.query('UPDATE cluster_directory SET level_until = $2 WHERE cluster_id = $1', [
      event.data.clusterId,
      event.data.effectiveFrom,
    ]);
  });

export const organizationDirectory = eventConsumer('organization-directory')
  .readModel('organization_directory')
  .on(OrganizationRegistered, async (event, { manager }) => {
    const { orgNumber, name, kind, municipalityCode, sizeClass } = event.data;
    await manager.query(
      `INSERT INTO organization_directory (org_number, name, kind, county_code, municipality_code, size_class) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (org_number) DO UPDATE
       SET name = EXCLUDED.name, kind = EXCLUDED.kind, county_code = EXCLUDED.county_code,
           municipality_code = EXCLUDED.municipality_code, size_class = EXCLUDED.size_class`,
      // The county is the first two digits of the municipality number.
      [orgNumber, name, kind, municipalityCode?.slice(0, 2) ?? null, municipalityCode, sizeClass],
    );
  });

async function saveCluster(cluster: ClusterSnapshotData, { manager }: EventHandlerContext): Promise<void> {
  await manager.query(
    `INSERT INTO cluster_directory (cluster_id, name, level, level_until, county_code) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (cluster_id) DO UPDATE
       SET name = EXCLUDED.name, level = EXCLUDED.level, level_until = EXCLUDED.level_until, county_code = EXCLUDED.county_code`,
    [cluster.clusterId, cluster.name, cluster.level, cluster.levelUntil ?? null, cluster.countyCode],
  );
}

/** What the helpers below read with: a DataSource, or a transaction's EntityManager. */
interface Queryable {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/**
 * Refuses (BAD_USER_INPUT naming `field`) any of `clusterIds` that is not a cluster this service
 * has heard of from the clusters service's events: an id that is not a UUID never reaches SQL.
 */
export async function requireKnownClusters(queryable: Queryable, field: string, clusterIds: readonly string[]): Promise<void> {
  const malformed = clusterIds.find((id) => !isUuid(id));
  if (malformed !== undefined) throw new BadUserInputError(field, `${malformed} is not a cluster id`);
  if (clusterIds.length === 0) return;
  const known = await queryable.query<{ cluster_id: string }[]>(
    'SELECT cluster_id FROM cluster_directory WHERE cluster_id = ANY($1::uuid[])',
    [[...clusterIds]],
  );
  const knownIds = new Set(known.map((row) => row.cluster_id));
  const unknown = clusterIds.find((id) => !knownIds.has(id.toLowerCase()));
  if (unknown !== undefined) throw new BadUserInputError(field, `${unknown} is not a cluster this service has heard of`);
}

/**
 * The ids of the clusters called each of `names`, for demo data that names clusters as the
 * sources do; a name the directory does not hold yet (its event has not arrived) is absent.
 */
export async function clusterIdsByName(queryable: Queryable, names: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await queryable.query<{ name: string; cluster_id: string }[]>(
    'SELECT name, cluster_id FROM cluster_directory WHERE name = ANY($1) ORDER BY name, cluster_id',
    [[...names]],
  );
  const byName = new Map<string, string[]>();
  for (const row of rows) byName.set(row.name, [...(byName.get(row.name) ?? []), row.cluster_id]);
  return byName;
}
