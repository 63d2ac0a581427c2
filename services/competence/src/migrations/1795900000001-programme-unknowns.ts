import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a programme's sources do not say stays unknown: which levels may host it (null, not a
 * guess) and how exact its period is (a pilot "in 2015, continued in 2016" runs from 1 January
 * 2015 to 31 December 2016 with YEAR precision). A programme recorded from a public report says
 * which (`source`), and its status is the last one that source supports.
 */
export class ProgrammeUnknowns1795900000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE competence_programmes
        ALTER COLUMN accepted_host_levels DROP NOT NULL,
        ADD COLUMN period_start_precision text NOT NULL DEFAULT 'DAY' CHECK (period_start_precision IN ('DAY', 'MONTH', 'YEAR')),
        ADD COLUMN period_end_precision text CHECK (period_end_precision IN ('DAY', 'MONTH', 'YEAR')),
        ADD COLUMN source text`);
    await queryRunner.query(`UPDATE competence_programmes SET period_end_precision = 'DAY' WHERE period_end IS NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE competence_programmes
        ADD CONSTRAINT competence_programmes_end_precision CHECK ((period_end IS NULL) = (period_end_precision IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE competence_programmes SET accepted_host_levels = '{ARENA,ARENA_PRO,NCE,GCE}' WHERE accepted_host_levels IS NULL`,
    );
    await queryRunner.query(`
      ALTER TABLE competence_programmes
        DROP CONSTRAINT competence_programmes_end_precision,
        DROP COLUMN source,
        DROP COLUMN period_end_precision,
        DROP COLUMN period_start_precision,
        ALTER COLUMN accepted_host_levels SET NOT NULL`);
  }
}
