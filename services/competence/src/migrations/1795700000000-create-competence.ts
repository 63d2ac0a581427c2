import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Competence programmes (hosted by clusters, funded by a grant), their modules, and the
 * organisations enrolled in them. The directories are read models fed by the clusters and
 * funding services' events: which clusters exist at which level, who was a member of which
 * cluster when, and which grants were awarded on which application.
 */
export class CreateCompetence1795700000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE competence_programmes (
        id                     uuid        PRIMARY KEY,
        name                   text        NOT NULL UNIQUE,
        funding_programme_code text,
        funding_application_id uuid,
        grant_id               uuid,
        themes                 text[]      NOT NULL DEFAULT '{}',
        accepted_host_levels   text[]      NOT NULL,
        target_companies       integer     CHECK (target_companies > 0),
        capacity               integer     CHECK (capacity > 0),
        period_start           date        NOT NULL,
        period_end             date,
        status                 text        NOT NULL CHECK (status IN ('PLANNED', 'OPEN', 'RUNNING', 'COMPLETED', 'CANCELLED')),
        knowledge_source       text,
        knowledge_target       text,
        created_at             timestamptz NOT NULL DEFAULT now(),
        CHECK (period_end IS NULL OR period_end >= period_start)
      )`);
    await queryRunner.query('CREATE INDEX competence_programmes_application ON competence_programmes (funding_application_id)');
    await queryRunner.query(`
      CREATE TABLE programme_hosts (
        programme_id uuid NOT NULL REFERENCES competence_programmes (id),
        cluster_id   uuid NOT NULL,
        PRIMARY KEY (programme_id, cluster_id)
      )`);
    await queryRunner.query('CREATE INDEX programme_hosts_cluster ON programme_hosts (cluster_id)');
    await queryRunner.query(`
      CREATE TABLE modules (
        id           uuid    PRIMARY KEY,
        programme_id uuid    NOT NULL REFERENCES competence_programmes (id),
        title        text    NOT NULL,
        theme        text    NOT NULL,
        format       text    NOT NULL CHECK (format IN ('WORKSHOP', 'COURSE', 'ONLINE', 'MENTORING', 'STUDY_TRIP')),
        starts_on    date,
        ends_on      date,
        capacity     integer CHECK (capacity > 0),
        CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
      )`);
    await queryRunner.query(`
      CREATE TABLE enrolments (
        id                uuid    PRIMARY KEY,
        programme_id      uuid    NOT NULL REFERENCES competence_programmes (id),
        org_number        text    NOT NULL CHECK (org_number ~ '^[0-9]{9}$'),
        member_of_cluster boolean NOT NULL,
        status            text    NOT NULL CHECK (status IN ('ENROLLED', 'COMPLETED', 'DROPPED')),
        enrolled_on       date    NOT NULL,
        completed_on      date,
        dropped_on        date,
        CONSTRAINT enrolments_once_per_programme UNIQUE (programme_id, org_number)
      )`);
    await queryRunner.query(`
      CREATE TABLE enrolment_modules (
        enrolment_id uuid NOT NULL REFERENCES enrolments (id),
        module_id    uuid NOT NULL REFERENCES modules (id),
        completed_on date NOT NULL,
        PRIMARY KEY (enrolment_id, module_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE membership_directory (
        membership_id uuid PRIMARY KEY,
        cluster_id    uuid NOT NULL,
        org_number    text NOT NULL,
        joined_on     date NOT NULL,
        left_on       date
      )`);
    await queryRunner.query('CREATE INDEX membership_directory_org ON membership_directory (org_number)');
    await queryRunner.query(`
      CREATE TABLE awarded_grants (
        grant_id       uuid PRIMARY KEY,
        application_id uuid NOT NULL,
        programme_code text NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX awarded_grants_application ON awarded_grants (application_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE awarded_grants, membership_directory,
      enrolment_modules, enrolments, modules, programme_hosts, competence_programmes`);
  }
}
