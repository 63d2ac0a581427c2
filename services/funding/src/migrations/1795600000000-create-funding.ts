import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The money: agencies, their programmes, budgets per programme and year (with co-funders),
 * calls, applications (with every step taken), grants and the payments against them. Amounts
 * are whole NOK in bigint: exact, and far past 2^31.
 * The read models of clusters and organisations come from @klynge/read-models.
 */
export class CreateFunding1795600000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE agencies (
        code        text PRIMARY KEY CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name        text NOT NULL,
        kind        text NOT NULL CHECK (kind IN ('INNOVATION_NORWAY', 'SIVA', 'RESEARCH_COUNCIL', 'ENOVA', 'EU', 'MINISTRY', 'OTHER')),
        org_number  text CHECK (org_number ~ '^[0-9]{9}$')
      )`);
    await queryRunner.query(`
      CREATE TABLE funding_programmes (
        code                        text PRIMARY KEY CHECK (code ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$'),
        name                        text NOT NULL,
        agency_code                 text NOT NULL REFERENCES agencies (code),
        purpose                     text,
        eligible_cluster_levels     text[] NOT NULL DEFAULT '{}',
        eligible_organization_kinds text[] NOT NULL DEFAULT '{}',
        period_start                date NOT NULL,
        period_end                  date,
        CHECK (period_end IS NULL OR period_end >= period_start)
      )`);
    await queryRunner.query(`
      CREATE TABLE budgets (
        programme_code text    NOT NULL REFERENCES funding_programmes (code),
        year           integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        amount_nok     bigint  NOT NULL CHECK (amount_nok > 0),
        PRIMARY KEY (programme_code, year)
      )`);
    await queryRunner.query(`
      CREATE TABLE budget_cofunders (
        programme_code text   NOT NULL,
        year           integer NOT NULL,
        name           text   NOT NULL,
        amount_nok     bigint NOT NULL CHECK (amount_nok > 0),
        PRIMARY KEY (programme_code, year, name),
        FOREIGN KEY (programme_code, year) REFERENCES budgets (programme_code, year) ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE calls (
        id             uuid        PRIMARY KEY,
        programme_code text        NOT NULL REFERENCES funding_programmes (code),
        title          text        NOT NULL,
        target_level   text        CHECK (target_level IN ('ARENA', 'ARENA_PRO', 'NCE', 'GCE')),
        opens_on       date        NOT NULL,
        closes_at      timestamptz NOT NULL,
        decision_date  date,
        project_start  date,
        CHECK (closes_at > opens_on)
      )`);
    await queryRunner.query(`
      CREATE TABLE applications (
        id               uuid        PRIMARY KEY,
        call_id          uuid        NOT NULL REFERENCES calls (id),
        applicant_type   text        NOT NULL CHECK (applicant_type IN ('CLUSTER', 'ORGANIZATION')),
        cluster_id       uuid,
        org_number       text        CHECK (org_number ~ '^[0-9]{9}$'),
        title            text        NOT NULL,
        requested_nok    bigint      NOT NULL CHECK (requested_nok > 0),
        own_funding_nok  bigint      NOT NULL DEFAULT 0 CHECK (own_funding_nok >= 0),
        cofinancing_plan text,
        status           text        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'GRANTED', 'REJECTED', 'WITHDRAWN')),
        created_at       timestamptz NOT NULL DEFAULT now(),
        CHECK ((applicant_type = 'CLUSTER') = (cluster_id IS NOT NULL)),
        CHECK ((applicant_type = 'ORGANIZATION') = (org_number IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX applications_cluster ON applications (cluster_id)');
    await queryRunner.query('CREATE INDEX applications_call ON applications (call_id)');
    await queryRunner.query(`
      CREATE TABLE application_steps (
        id             bigserial   PRIMARY KEY,
        application_id uuid        NOT NULL REFERENCES applications (id),
        status         text        NOT NULL,
        actor          text        NOT NULL,
        at             timestamptz NOT NULL DEFAULT now(),
        note           text
      )`);
    await queryRunner.query(`
      CREATE TABLE grants (
        id              uuid        PRIMARY KEY,
        application_id  uuid        NOT NULL UNIQUE REFERENCES applications (id),
        programme_code  text        NOT NULL,
        budget_year     integer     NOT NULL,
        amount_nok      bigint      NOT NULL CHECK (amount_nok > 0),
        own_share_nok   bigint      NOT NULL CHECK (own_share_nok >= 0),
        award_date      date        NOT NULL,
        planned_start   date        NOT NULL,
        planned_end     date        NOT NULL,
        status          text        NOT NULL CHECK (status IN ('ACTIVE', 'COMPLETED', 'CANCELLED')),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        CHECK (planned_end >= planned_start),
        FOREIGN KEY (programme_code, budget_year) REFERENCES budgets (programme_code, year)
      )`);
    await queryRunner.query('CREATE INDEX grants_programme_year ON grants (programme_code, budget_year)');
    await queryRunner.query(`
      CREATE TABLE disbursements (
        id          uuid        PRIMARY KEY,
        grant_id    uuid        NOT NULL REFERENCES grants (id),
        amount_nok  bigint      NOT NULL CHECK (amount_nok > 0),
        paid_on     date        NOT NULL,
        reference   text,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX disbursements_grant ON disbursements (grant_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE disbursements, grants,
      application_steps, applications, calls, budget_cofunders, budgets, funding_programmes, agencies`);
  }
}
