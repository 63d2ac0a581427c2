import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A cluster's level can end with no next level known (NCE, a level until 2018): its last period
 * then has an end (valid_to), and the cluster keeps the day it ended (level_until), which its
 * events carry so that other services' directories know it too.
 */
export class LevelsEnd1795500000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE clusters ADD COLUMN level_until date');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE clusters DROP COLUMN level_until');
  }
}
