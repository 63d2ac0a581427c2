import { CLUSTER_LEVELS, COUNTIES, syntheticClusterRowsSql, syntheticUuid } from '@klynge/contracts';
import type { SyntheticDataGenerator } from '@klynge/platform';

const FIRST_BUDGET_YEAR = 2013;
const BUDGET_YEARS = 12;

/**
 * The funding service's share of the generated data set (see @klynge/contracts' synthetic-data):
 * the synthetic clusters in its directory, one programme with a budget for every year, and
 * applications to it, granted and rejected, with their grants and payments.
 */
export const generateSyntheticFunding: SyntheticDataGenerator = async (db, size) => {
  // The clusters as the clusters service's events would have told this service: a grant's county is its cluster's.
  await db.query(
    `INSERT INTO cluster_directory (cluster_id, name, level, level_until, county_code)
     SELECT id, name, level, level_until, county_code FROM (${syntheticClusterRowsSql('$2::text[]')}) AS c`,
    [size.clusters, Object.keys(COUNTIES)],
  );
  await db.query(`INSERT INTO agencies (code, name, kind) VALUES ('synthetic-agency', 'Synthetic agency (generated)', 'OTHER')`);
  // The Conversion Engine's programme, as the demo's is coded, with what was set aside for it.
  await db.query(
    `INSERT INTO funding_programmes (code, name, agency_code, period_start)
     VALUES ('OMSTILLINGSMOTOREN', 'Synthetic Conversion Engine (generated)', 'synthetic-agency', DATE '2017-01-01')`,
  );
  await db.query(`INSERT INTO budgets (programme_code, year, amount_nok) VALUES ('OMSTILLINGSMOTOREN', 2017, 30000000)`);
  await db.query(
    `INSERT INTO funding_programmes (code, name, agency_code, eligible_cluster_levels, period_start)
     VALUES ('SYNTHETIC', 'Synthetic programme (generated)', 'synthetic-agency', $1, DATE '2010-01-01')`,
    [CLUSTER_LEVELS],
  );
  await db.query(
    `INSERT INTO budgets (programme_code, year, amount_nok)
     SELECT 'SYNTHETIC', y, 1000000000000 FROM generate_series($1::int, $2::int) AS y`,
    [FIRST_BUDGET_YEAR, FIRST_BUDGET_YEAR + BUDGET_YEARS - 1],
  );
  await db.query(
    `INSERT INTO calls (id, programme_code, title, opens_on, closes_at)
     VALUES (${syntheticUuid(`'bench-call'`)}, 'SYNTHETIC', 'Synthetic call (generated)', DATE '2012-01-01', TIMESTAMPTZ '2030-01-01T00:00:00Z')`,
  );
  // Grant n goes to cluster n mod the cluster count, from budget year n mod 12; every other one
  // has had a payment, in January of the following year. Two applications in five are rejected
  // (numbered after the granted ones), so no year succeeds every time.
  await db.query(
    `INSERT INTO applications (id, call_id, applicant_type, cluster_id, title, requested_nok, status)
     SELECT ${syntheticUuid(`'bench-application-' || n`)}, ${syntheticUuid(`'bench-call'`)}, 'CLUSTER',
            ${syntheticUuid(`'bench-cluster-' || (1 + (n - 1) % $2)`)}, 'Synthetic application ' || n || ' (generated)',
            100000 + (n % 50) * 10000, 'GRANTED'
     FROM generate_series(1, $1::int) AS n`,
    [size.grants, size.clusters],
  );
  await db.query(
    `INSERT INTO grants (id, application_id, programme_code, budget_year, amount_nok, own_share_nok,
                         award_date, planned_start, planned_end, status)
     SELECT ${syntheticUuid(`'bench-grant-' || n`)}, ${syntheticUuid(`'bench-application-' || n`)}, 'SYNTHETIC', year,
            100000 + (n % 50) * 10000, 0, make_date(year, 6, 1), make_date(year, 9, 1), make_date(year + 2, 8, 31), 'ACTIVE'
     FROM generate_series(1, $1::int) AS n, LATERAL (SELECT $2::int + n % $3::int AS year) AS y`,
    [size.grants, FIRST_BUDGET_YEAR, BUDGET_YEARS],
  );
  // Each grant's one recipient is the cluster that applied (a cluster's grants and funding are
  // read through its recipients); each application was submitted the year before its grant.
  await db.query(
    `INSERT INTO grant_recipients (grant_id, position, cluster_id)
     SELECT g.id, 1, a.cluster_id FROM grants g JOIN applications a ON a.id = g.application_id`,
  );
  await db.query(
    `INSERT INTO application_steps (application_id, status, actor, at, note)
     SELECT a.id, 'SUBMITTED', 'synthetic', make_timestamptz(g.budget_year - 1, 10, 1, 12, 0, 0, 'UTC'), 'Generated'
     FROM applications a JOIN grants g ON g.application_id = a.id`,
  );
  const rejected = Math.round((size.grants * 2) / 3);
  await db.query(
    `INSERT INTO applications (id, call_id, applicant_type, cluster_id, title, requested_nok, status)
     SELECT ${syntheticUuid(`'bench-application-' || n`)}, ${syntheticUuid(`'bench-call'`)}, 'CLUSTER',
            ${syntheticUuid(`'bench-cluster-' || (1 + (n - 1) % $3)`)}, 'Synthetic application ' || n || ' (generated)',
            100000 + (n % 50) * 10000, 'REJECTED'
     FROM generate_series($1::int + 1, $1::int + $2::int) AS n`,
    [size.grants, rejected, size.clusters],
  );
  await db.query(
    `INSERT INTO application_steps (application_id, status, actor, at, note)
     SELECT ${syntheticUuid(`'bench-application-' || n`)}, 'SUBMITTED', 'synthetic',
            make_timestamptz($3::int - 1 + n % $4::int, 10, 1, 12, 0, 0, 'UTC'), 'Generated'
     FROM generate_series($1::int + 1, $1::int + $2::int) AS n`,
    [size.grants, rejected, FIRST_BUDGET_YEAR, BUDGET_YEARS],
  );
  await db.query(
    `INSERT INTO disbursements (id, grant_id, amount_nok, paid_on)
     SELECT ${syntheticUuid(`'bench-disbursement-' || g.id`)}, g.id, g.amount_nok / 2, make_date(g.budget_year + 1, 1, 15)
     FROM grants g JOIN applications a ON a.id = g.application_id
     WHERE a.requested_nok % 20000 = 0`,
  );
  await db.query('ANALYZE');
};
