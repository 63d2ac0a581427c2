import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Norsk katapult: the centres, the regional nodes, Siva's allocations and companies' projects.
 * Places and organisations are lists the sources give as a whole, kept as jsonb; what other
 * tables join on (clusters, centres, org numbers) is in columns of its own.
 */
export class CreateCatapult1796095566354 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE catapult_centres (
        id                     uuid        PRIMARY KEY,
        name                   text        NOT NULL UNIQUE,
        also_known_as          text[]      NOT NULL DEFAULT '{}',
        theme                  text        NOT NULL,
        designated_on          date        NOT NULL,
        designated_precision   text        NOT NULL,
        closed_on              date        CHECK (closed_on >= designated_on),
        closed_precision       text,
        locations              jsonb       NOT NULL,
        host_organizations     jsonb       NOT NULL DEFAULT '[]',
        partner_organizations  jsonb       NOT NULL DEFAULT '[]',
        cluster_ids            uuid[]      NOT NULL DEFAULT '{}',
        created_by             text        NOT NULL,
        created_at             timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX catapult_centres_by_cluster ON catapult_centres USING gin (cluster_ids)');
    await queryRunner.query(`
      CREATE TABLE catapult_nodes (
        id                  uuid        PRIMARY KEY,
        name                text        NOT NULL UNIQUE,
        host_name           text        NOT NULL,
        host_org_number     text,
        host_cluster_id     uuid,
        locations           jsonb       NOT NULL,
        centre_ids          uuid[]      NOT NULL DEFAULT '{}',
        selected_on         date        NOT NULL,
        selected_precision  text        NOT NULL,
        amount_granted      bigint      CHECK (amount_granted > 0),
        created_by          text        NOT NULL,
        created_at          timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX catapult_nodes_by_cluster ON catapult_nodes (host_cluster_id)');
    await queryRunner.query(`
      CREATE TABLE catapult_allocations (
        id            uuid        PRIMARY KEY,
        year          int         NOT NULL,
        amount        bigint      NOT NULL CHECK (amount > 0),
        amount_bound  text        NOT NULL,
        recipient     text        NOT NULL,
        centre_ids    uuid[]      NOT NULL DEFAULT '{}',
        granted_by    text,
        purpose       text        NOT NULL,
        created_by    text        NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE catapult_projects (
        id          uuid        PRIMARY KEY,
        centre_id   uuid        NOT NULL REFERENCES catapult_centres (id),
        org_number  text        NOT NULL,
        title       text        NOT NULL,
        started_on  date        NOT NULL,
        ended_on    date        CHECK (ended_on >= started_on),
        services    text[]      NOT NULL DEFAULT '{}',
        created_by  text        NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX catapult_projects_by_centre ON catapult_projects (centre_id, started_on)');
    await queryRunner.query('CREATE INDEX catapult_projects_by_org ON catapult_projects (org_number)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE catapult_projects, catapult_allocations, catapult_nodes, catapult_centres');
  }
}
