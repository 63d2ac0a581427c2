import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forskningsrådet's research projects as Prosjektbanken publishes them: funding activities (the
 * hierarchy of instrument, main activity and activity), application types, calls, and projects with
 * their partners and their allocations per year.
 */
export class CreateResearch1796096854442 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE research_funding_activities (
        code           text PRIMARY KEY,
        name           text NOT NULL,
        main_activity  text,
        instrument     text
      )`);
    await queryRunner.query(`
      CREATE TABLE research_application_types (
        code         text PRIMARY KEY,
        name         text NOT NULL UNIQUE,
        description  text
      )`);
    await queryRunner.query(`
      CREATE TABLE research_calls (
        id                uuid    PRIMARY KEY,
        activity_code     text    REFERENCES research_funding_activities (code),
        application_type  text,
        title             text    NOT NULL,
        opens_on          date,
        deadline          date,
        continuous_intake boolean NOT NULL,
        decision_by       date,
        earliest_start    date,
        latest_start      date CHECK (latest_start >= earliest_start),
        amount_offered    bigint CHECK (amount_offered > 0),
        amount_bound      text,
        CHECK (deadline IS NULL OR opens_on IS NULL OR deadline >= opens_on)
      )`);
    await queryRunner.query(`
      CREATE TABLE research_projects (
        id                 uuid        PRIMARY KEY,
        project_number     text        NOT NULL UNIQUE,
        title              text        NOT NULL,
        application_type   text        NOT NULL,
        activity_code      text        REFERENCES research_funding_activities (code),
        owner_org_number   text        NOT NULL,
        owner_name         text,
        county_code        text,
        municipality_code  text,
        thematic_areas     text[]      NOT NULL DEFAULT '{}',
        subject_fields     text[]      NOT NULL DEFAULT '{}',
        start_year         int         NOT NULL,
        end_year           int         NOT NULL CHECK (end_year >= start_year),
        project_manager    text,
        phase              text        NOT NULL,
        total              bigint      NOT NULL CHECK (total >= 0),
        recorded_at        timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX research_projects_by_owner ON research_projects (owner_org_number)');
    await queryRunner.query(`
      CREATE TABLE research_project_partners (
        project_id  uuid NOT NULL REFERENCES research_projects (id) ON DELETE CASCADE,
        org_number  text NOT NULL,
        role        text NOT NULL,
        PRIMARY KEY (project_id, org_number)
      )`);
    await queryRunner.query('CREATE INDEX research_partners_by_org ON research_project_partners (org_number)');
    // year null: an amount the source gives for the whole project, not split by year.
    await queryRunner.query(`
      CREATE TABLE research_allocations (
        project_id  uuid   NOT NULL REFERENCES research_projects (id) ON DELETE CASCADE,
        year        int,
        amount      bigint NOT NULL CHECK (amount >= 0)
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX research_allocations_one_per_year ON research_allocations (project_id, year) NULLS NOT DISTINCT',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TABLE research_allocations, research_project_partners, research_projects, research_calls, research_application_types, research_funding_activities',
    );
  }
}
