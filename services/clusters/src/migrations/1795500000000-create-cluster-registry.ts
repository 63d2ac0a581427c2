import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry: clusters with their dated level history, organisations, and memberships.
 * Memberships of one organisation in one cluster may not overlap in time (an exclusion
 * constraint, so concurrent writers cannot slip past a check).
 */
export class CreateClusterRegistry1795500000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await queryRunner.query(`
      CREATE TABLE clusters (
        id                uuid        PRIMARY KEY,
        slug              text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name              text        NOT NULL UNIQUE,
        short_name        text,
        level             text        NOT NULL CHECK (level IN ('ARENA', 'ARENA_PRO', 'NCE', 'GCE')),
        county_code       text        NOT NULL CHECK (county_code ~ '^[0-9]{2}$'),
        municipality_code text        CHECK (municipality_code ~ '^[0-9]{4}$'),
        town              text,
        sectors           text[]      NOT NULL DEFAULT '{}',
        description       text,
        website           text,
        founded_year      integer,
        programme_start   date,
        programme_end     date,
        manager_name      text,
        manager_email     text,
        manager_phone     text,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        CHECK (programme_end IS NULL OR programme_start IS NULL OR programme_end >= programme_start)
      )`);
    await queryRunner.query('CREATE INDEX clusters_level_county ON clusters (level, county_code)');
    await queryRunner.query('CREATE INDEX clusters_sectors ON clusters USING gin (sectors)');
    await queryRunner.query(`
      CREATE TABLE cluster_level_periods (
        id                  bigserial   PRIMARY KEY,
        cluster_id          uuid        NOT NULL REFERENCES clusters (id),
        level               text        NOT NULL CHECK (level IN ('ARENA', 'ARENA_PRO', 'NCE', 'GCE')),
        valid_from          date        NOT NULL,
        valid_from_precision text       NOT NULL DEFAULT 'DAY' CHECK (valid_from_precision IN ('DAY', 'YEAR')),
        valid_to            date,
        reason              text        NOT NULL,
        decision_reference  text,
        recorded_at         timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_to IS NULL OR valid_to > valid_from),
        EXCLUDE USING gist (cluster_id WITH =, daterange(valid_from, valid_to, '[)') WITH &&)
      )`);
    await queryRunner.query(`
      CREATE TABLE organizations (
        org_number        text        PRIMARY KEY CHECK (org_number ~ '^[0-9]{9}$'),
        name              text        NOT NULL,
        organization_form text,
        nace_code         text        CHECK (nace_code ~ '^[0-9]{2}\\.[0-9]{1,3}$'),
        municipality_code text        CHECK (municipality_code ~ '^[0-9]{4}$'),
        employees         integer     CHECK (employees >= 0),
        kind              text        NOT NULL CHECK (kind IN ('COMPANY', 'RESEARCH_INSTITUTION', 'PUBLIC_BODY', 'OTHER')),
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE memberships (
        id          uuid        PRIMARY KEY,
        cluster_id  uuid        NOT NULL REFERENCES clusters (id),
        org_number  text        NOT NULL REFERENCES organizations (org_number),
        role        text        NOT NULL CHECK (role IN ('MEMBER', 'PARTNER', 'HOST')),
        joined_on   date        NOT NULL,
        left_on     date,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CHECK (left_on IS NULL OR left_on >= joined_on),
        CONSTRAINT memberships_no_overlap
          EXCLUDE USING gist (cluster_id WITH =, org_number WITH =, daterange(joined_on, left_on, '[]') WITH &&)
      )`);
    await queryRunner.query('CREATE INDEX memberships_org_number ON memberships (org_number)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE memberships, organizations, cluster_level_periods, clusters');
  }
}
