import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The programme's figures as public pages report them (budgets, clusters per level, average
 * support, admission rounds), each with its page: shown beside what the graph counts itself. The
 * value is kept in the page's words; `quantity` holds it as a number only where it is one plain
 * number.
 */
export class ProgrammeFacts1797000000002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE programme_facts (
        id          serial  PRIMARY KEY,
        year        integer CHECK (year BETWEEN 1990 AND 2100),
        fact        text    NOT NULL,
        value       text    NOT NULL,
        unit        text,
        kind        text    NOT NULL CHECK (kind IN ('BUDGET', 'CLUSTERS', 'CLUSTERS_BY_LEVEL', 'SUPPORT_PER_CLUSTER', 'COMPANIES', 'APPLICATIONS', 'OTHER')),
        quantity    numeric,
        source_url  text    NOT NULL CHECK (source_url ~ '^https?://'),
        UNIQUE NULLS NOT DISTINCT (year, fact, value, source_url)
      )`);
    await queryRunner.query('CREATE INDEX programme_facts_by_year ON programme_facts (year, kind)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE programme_facts');
  }
}
