import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The notes about clusters: the example entity of the research subgraph. */
export class CreateResearch1796096854442 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notes (
        id          uuid        PRIMARY KEY,
        cluster_id  uuid        NOT NULL,
        title       text        NOT NULL,
        body        text,
        recorded_by text        NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX notes_by_cluster ON notes (cluster_id, recorded_at DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE notes');
  }
}
