import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Level histories as public sources report them, beside those Klynge records itself. A reported
 * period may lack its start year, overlap its neighbour in the year of a change (years, not days),
 * and carries the pages that say so; its end may come from a page or from a rule (see endedBy).
 * A cluster's county may be unknown when the pages name none, or several. Other names and the
 * member counts pages report are kept with the cluster.
 */
export class ReportedLevelHistory1797000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE clusters ALTER COLUMN county_code DROP NOT NULL');
    await queryRunner.query(`ALTER TABLE clusters ADD COLUMN other_names text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE clusters ADD COLUMN members_reported jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`
      ALTER TABLE cluster_level_periods
        ALTER COLUMN valid_from DROP NOT NULL,
        ADD COLUMN basis text NOT NULL DEFAULT 'RECORDED' CHECK (basis IN ('RECORDED', 'REPORTED')),
        ADD COLUMN ended_by text CHECK (ended_by IN ('SOURCE', 'NEXT_LEVEL', 'LEVEL_ENDED', 'TERM')),
        ADD COLUMN from_years integer[] NOT NULL DEFAULT '{}',
        ADD COLUMN to_years integer[] NOT NULL DEFAULT '{}',
        ADD COLUMN claims jsonb NOT NULL DEFAULT '[]',
        ADD CHECK (basis = 'REPORTED' OR valid_from IS NOT NULL)`);
    // Recorded periods follow one another; reported ones may meet in the year of a change.
    const [exclusion] = (await queryRunner.query(
      `SELECT conname FROM pg_constraint WHERE conrelid = 'cluster_level_periods'::regclass AND contype = 'x'`,
    )) as { conname: string }[];
    await queryRunner.query(`ALTER TABLE cluster_level_periods DROP CONSTRAINT "${exclusion!.conname}"`);
    await queryRunner.query(`
      ALTER TABLE cluster_level_periods ADD CONSTRAINT recorded_periods_do_not_overlap
        EXCLUDE USING gist (cluster_id WITH =, daterange(valid_from, valid_to, '[)') WITH &&) WHERE (basis = 'RECORDED')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM cluster_level_periods WHERE basis = 'REPORTED'`);
    await queryRunner.query('ALTER TABLE cluster_level_periods DROP CONSTRAINT recorded_periods_do_not_overlap');
    await queryRunner.query(`
      ALTER TABLE cluster_level_periods
        DROP COLUMN claims, DROP COLUMN to_years, DROP COLUMN from_years, DROP COLUMN ended_by, DROP COLUMN basis,
        ALTER COLUMN valid_from SET NOT NULL,
        ADD EXCLUDE USING gist (cluster_id WITH =, daterange(valid_from, valid_to, '[)') WITH &&)`);
    await queryRunner.query('ALTER TABLE clusters DROP COLUMN members_reported, DROP COLUMN other_names');
    await queryRunner.query('ALTER TABLE clusters ALTER COLUMN county_code SET NOT NULL');
  }
}
