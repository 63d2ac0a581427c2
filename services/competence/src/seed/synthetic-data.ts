import { CLUSTER_LEVELS, syntheticOrgNumbers, syntheticUuid } from '@klynge/contracts';
import type { SyntheticDataGenerator } from '@klynge/platform';

const ENROLMENTS_PER_PROGRAMME = 10;

/**
 * The competence service's share of the generated data set (see @klynge/contracts' synthetic-data):
 * a programme hosted by each synthetic cluster, with companies enrolled.
 */
export const generateSyntheticCompetence: SyntheticDataGenerator = async (db, size) => {
  // One programme hosted by each cluster, each with ten of its members enrolled.
  await db.query(
    `INSERT INTO competence_programmes (id, name, themes, accepted_host_levels, target_companies, period_start, status)
     SELECT ${syntheticUuid(`'bench-programme-' || i`)}, 'Synthetic competence programme ' || lpad(i::text, 5, '0') || ' (generated)',
            '{synthetic}', $2, 30, DATE '2020-01-01', 'OPEN'
     FROM generate_series(1, $1::int) AS i`,
    [size.clusters, CLUSTER_LEVELS],
  );
  await db.query(
    `INSERT INTO programme_hosts (programme_id, cluster_id)
     SELECT ${syntheticUuid(`'bench-programme-' || i`)}, ${syntheticUuid(`'bench-cluster-' || i`)} FROM generate_series(1, $1::int) AS i`,
    [size.clusters],
  );
  // The first two are the Conversion Engine's, aiming at 300 companies between them over its 13 months.
  await db.query(
    `UPDATE competence_programmes SET funding_programme_code = 'OMSTILLINGSMOTOREN', target_companies = 150,
            period_start = DATE '2017-11-01', period_start_precision = 'MONTH', period_end = DATE '2018-11-30', period_end_precision = 'MONTH'
     WHERE id IN (${syntheticUuid(`'bench-programme-1'`)}, ${syntheticUuid(`'bench-programme-2'`)})`,
  );
  const enrolled = syntheticOrgNumbers(Math.min(size.organizations, size.clusters * ENROLMENTS_PER_PROGRAMME));
  await db.query(
    `INSERT INTO enrolments (id, programme_id, org_number, member_of_cluster, status, enrolled_on)
     SELECT ${syntheticUuid(`'bench-enrolment-' || n`)}, ${syntheticUuid(`'bench-programme-' || (1 + (n - 1) % $2)`)}, org_number,
            true, CASE WHEN n % 3 = 0 THEN 'COMPLETED' ELSE 'ENROLLED' END, DATE '2020-02-01'
     FROM unnest($1::text[]) WITH ORDINALITY AS o(org_number, n)`,
    [enrolled, size.clusters],
  );
  await db.query('ANALYZE');
};
