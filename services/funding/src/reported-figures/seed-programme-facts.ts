import { programmeFacts } from '@klynge/nic-facts';
import type { DataSource } from 'typeorm';
import { kindOf, quantityOf } from './reported-figure.kinds';

/**
 * Loads the programme facts of the sourced register (@klynge/nic-facts), each with its page.
 * They are the register's to change, not Klynge's (no use case writes them, no event announces
 * them): loading is one statement, and loading again adds only what is new. Answers how many rows
 * were added.
 */
export async function seedProgrammeFacts(dataSource: DataSource): Promise<number> {
  const facts = programmeFacts();
  const added: unknown[] = await dataSource.query(
    `INSERT INTO programme_facts (year, fact, value, unit, kind, quantity, source_url)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::text[])
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      facts.map((fact) => fact.year),
      facts.map((fact) => fact.fact),
      facts.map((fact) => fact.value),
      facts.map((fact) => fact.unit),
      facts.map((fact) => kindOf(fact)),
      facts.map((fact) => quantityOf(fact.value)),
      facts.map((fact) => fact.sourceUrl),
    ],
  );
  return added.length;
}
