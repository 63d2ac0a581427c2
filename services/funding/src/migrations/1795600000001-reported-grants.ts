import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Grants reported by a public source, made outside the application workflow (the Conversion
 * Engine's awards of 2017): such a grant has a source instead of an application, may have several
 * recipients, an award date known only to the month or year, and no planned period. Every grant's
 * recipients are now in grant_recipients (an awarded application's applicant is copied there), so
 * "the grants of a cluster" is one join for both kinds.
 */
export class ReportedGrants1795600000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE grants
        ALTER COLUMN application_id DROP NOT NULL,
        ALTER COLUMN planned_start DROP NOT NULL,
        ALTER COLUMN planned_end DROP NOT NULL,
        ADD COLUMN title text,
        ADD COLUMN source text,
        ADD COLUMN award_date_precision text NOT NULL DEFAULT 'DAY' CHECK (award_date_precision IN ('DAY', 'MONTH', 'YEAR')),
        ADD CONSTRAINT grants_decided_or_reported CHECK ((application_id IS NULL) = (source IS NOT NULL)),
        ADD CONSTRAINT grants_reported_titled CHECK ((source IS NULL) = (title IS NULL)),
        ADD CONSTRAINT grants_decided_planned CHECK (application_id IS NULL OR (planned_start IS NOT NULL AND planned_end IS NOT NULL))`);
    await queryRunner.query(`
      CREATE TABLE grant_recipients (
        grant_id   uuid     NOT NULL REFERENCES grants (id),
        position   smallint NOT NULL CHECK (position >= 1),
        name       text,
        cluster_id uuid,
        org_number text     CHECK (org_number ~ '^[0-9]{9}$'),
        PRIMARY KEY (grant_id, position),
        UNIQUE (grant_id, cluster_id),
        UNIQUE (grant_id, org_number),
        CHECK (name IS NOT NULL OR cluster_id IS NOT NULL OR org_number IS NOT NULL)
      )`);
    await queryRunner.query('CREATE INDEX grant_recipients_cluster ON grant_recipients (cluster_id) WHERE cluster_id IS NOT NULL');
    await queryRunner.query('CREATE INDEX grant_recipients_org ON grant_recipients (org_number) WHERE org_number IS NOT NULL');
    await queryRunner.query(`
      INSERT INTO grant_recipients (grant_id, position, cluster_id, org_number)
      SELECT g.id, 1, a.cluster_id, a.org_number FROM grants g JOIN applications a ON a.id = g.application_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE grant_recipients');
    await queryRunner.query('DELETE FROM disbursements WHERE grant_id IN (SELECT id FROM grants WHERE application_id IS NULL)');
    await queryRunner.query('DELETE FROM grants WHERE application_id IS NULL');
    await queryRunner.query(`
      ALTER TABLE grants
        DROP CONSTRAINT grants_decided_planned,
        DROP CONSTRAINT grants_reported_titled,
        DROP CONSTRAINT grants_decided_or_reported,
        DROP COLUMN award_date_precision,
        DROP COLUMN source,
        DROP COLUMN title,
        ALTER COLUMN planned_end SET NOT NULL,
        ALTER COLUMN planned_start SET NOT NULL,
        ALTER COLUMN application_id SET NOT NULL`);
  }
}
