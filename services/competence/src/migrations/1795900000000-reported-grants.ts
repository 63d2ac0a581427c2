import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Grants reported from public sources come without a funding application; and which clusters a
 * grant went to is kept, so a programme can be linked to the grant its host received (the demo's
 * Conversion Engine and NCE Raufoss's award of 2017).
 */
export class ReportedGrants1795900000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE awarded_grants
        ALTER COLUMN application_id DROP NOT NULL,
        ADD COLUMN cluster_ids uuid[] NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'UPDATE competence_programmes SET grant_id = NULL WHERE grant_id IN (SELECT grant_id FROM awarded_grants WHERE application_id IS NULL)',
    );
    await queryRunner.query('DELETE FROM awarded_grants WHERE application_id IS NULL');
    await queryRunner.query('ALTER TABLE awarded_grants DROP COLUMN cluster_ids, ALTER COLUMN application_id SET NOT NULL');
  }
}
