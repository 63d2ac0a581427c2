import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which agency owns each funding programme, from the funding service's events: a competence
 * programme running under a funding programme belongs to that agency (see auth.ts).
 */
export class CreateFundingProgrammeDirectory1795800000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE funding_programme_directory (
        programme_code text PRIMARY KEY,
        agency_code    text NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE funding_programme_directory');
  }
}
