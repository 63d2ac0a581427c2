import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a programme's sources do not say stays unknown: which clusters and organisations may apply
 * (null, not an empty list, which means "none"), and how exact its period is (a programme "from
 * 2017" starts on 1 January with YEAR precision, and says no more).
 */
export class ProgrammeUnknowns1795600000002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE funding_programmes
        ALTER COLUMN eligible_cluster_levels DROP NOT NULL,
        ALTER COLUMN eligible_cluster_levels DROP DEFAULT,
        ALTER COLUMN eligible_organization_kinds DROP NOT NULL,
        ALTER COLUMN eligible_organization_kinds DROP DEFAULT,
        ADD COLUMN period_start_precision text NOT NULL DEFAULT 'DAY' CHECK (period_start_precision IN ('DAY', 'MONTH', 'YEAR')),
        ADD COLUMN period_end_precision text CHECK (period_end_precision IN ('DAY', 'MONTH', 'YEAR'))`);
    await queryRunner.query(`UPDATE funding_programmes SET period_end_precision = 'DAY' WHERE period_end IS NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE funding_programmes
        ADD CONSTRAINT funding_programmes_end_precision CHECK ((period_end IS NULL) = (period_end_precision IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE funding_programmes SET eligible_cluster_levels = COALESCE(eligible_cluster_levels, '{}'),
        eligible_organization_kinds = COALESCE(eligible_organization_kinds, '{}')`);
    await queryRunner.query(`
      ALTER TABLE funding_programmes
        DROP CONSTRAINT funding_programmes_end_precision,
        DROP COLUMN period_end_precision,
        DROP COLUMN period_start_precision,
        ALTER COLUMN eligible_organization_kinds SET DEFAULT '{}',
        ALTER COLUMN eligible_organization_kinds SET NOT NULL,
        ALTER COLUMN eligible_cluster_levels SET DEFAULT '{}',
        ALTER COLUMN eligible_cluster_levels SET NOT NULL`);
  }
}
