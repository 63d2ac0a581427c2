/**
 * Generated data for the benchmark and for `KLYNGE_DEMO=synthetic npm start`, written straight
 * into each service's tables (going through the use cases would take minutes, and the benchmark
 * would measure the writes, not the reads).
 *
 * Everything here is synthetic and labelled so: names end in "(generated)", organisation numbers
 * start with 1 (real ones start with 8 or 9) while still passing the MOD11 check, and the one
 * agency and programme say what they are. Nothing here may be mistaken for a real cluster.
 * Deterministic: the same sizes give the same data, so runs compare.
 *
 * It keeps the domain's rules (../shared/domain.md), so that a chart of it tells no untruth about
 * the programme: a level only in its era (NCE until 2018, Arena Pro and GCE from 2014),
 * terms as the notes give them (Arena 3 years, Arena Pro 5, GCE 10), an NCE period ending with
 * 2018 and the level after not known; applications both granted and rejected; every grant's
 * cluster in a county the funding service knows of; a Conversion Engine with its target of 300.
 */
import { COUNTIES, isValidOrgNumber } from '@klynge/contracts';

/** Anything that runs SQL with $n parameters: a pg pool, a TypeORM data source. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface DataSize {
  readonly clusters: number;
  readonly organizations: number;
  readonly grants: number;
}

export const LEVELS = ['ARENA', 'ARENA_PRO', 'NCE', 'GCE'] as const;
const FIRST_BUDGET_YEAR = 2013;
const BUDGET_YEARS = 12;
const ENROLMENTS_PER_PROGRAMME = 10;

/** A stable UUID from a label, so every service agrees on a cluster's id without talking. */
const uuidOf = (sql: string) => `md5(${sql})::uuid`;

/** Synthetic organisation numbers: 1xxxxxxxc with a valid MOD11 check digit c. */
export function syntheticOrgNumbers(count: number): string[] {
  const numbers: string[] = [];
  for (let base = 10_000_000; numbers.length < count; base += 1) {
    for (let check = 0; check <= 9; check += 1) {
      const candidate = `${base}${check}`;
      if (isValidOrgNumber(candidate)) {
        numbers.push(candidate);
        break;
      }
    }
  }
  return numbers;
}

/**
 * The four kinds of synthetic cluster, by its number mod 4, each with a history its levels' eras
 * and terms allow, as of the first of the periods and the last (null while it lasts):
 * 0: an Arena since 2024; 1: an Arena 2019-2021, then Arena Pro since 2022; 2: an Arena 2006-2009,
 * then NCE 2010-2018, its level after not known; 3: an NCE 2008-2016, then GCE since 2017.
 */
const HISTORIES_SQL = `(VALUES
  (0, 1, 'ARENA', DATE '2024-01-01', NULL::date),
  (1, 1, 'ARENA', DATE '2019-01-01', DATE '2022-01-01'),
  (1, 2, 'ARENA_PRO', DATE '2022-01-01', NULL),
  (2, 1, 'ARENA', DATE '2006-01-01', DATE '2010-01-01'),
  (2, 2, 'NCE', DATE '2010-01-01', DATE '2019-01-01'),
  (3, 1, 'NCE', DATE '2008-01-01', DATE '2017-01-01'),
  (3, 2, 'GCE', DATE '2017-01-01', NULL)
) AS h(kind, position, level, valid_from, valid_to)`;

/**
 * Synthetic cluster n (from 1): its id, name, latest level, the day that level ended with none
 * after it known (level_until), and county. The clusters service writes them; the funding service's
 * directory holds the same, as the clusters' events would have told it.
 */
const clusterRowsSql = (counties: string) => `SELECT ${uuidOf(`'bench-cluster-' || i`)} AS id, i,
       'Synthetic cluster ' || lpad(i::text, 5, '0') || ' (generated)' AS name,
       last.level, last.valid_to AS level_until,
       (${counties})[1 + i % cardinality(${counties})] AS county_code
  FROM generate_series(1, $1::int) AS i
  JOIN LATERAL (SELECT level, valid_to FROM ${HISTORIES_SQL} WHERE h.kind = i % 4 ORDER BY position DESC LIMIT 1) AS last ON true`;

export async function generateClusters(db: Queryable, size: DataSize): Promise<void> {
  const counties = Object.keys(COUNTIES);
  await db.query(
    `INSERT INTO clusters (id, slug, name, level, level_until, county_code, sectors, description, founded_year)
     SELECT id, 'synthetic-cluster-' || lpad(i::text, 5, '0'), name, level, level_until, county_code,
            '{synthetic}', 'Generated for the benchmark; not a real cluster.', 2000 + i % 20
     FROM (${clusterRowsSql('$2::text[]')}) AS c`,
    [size.clusters, counties],
  );
  await db.query(
    `INSERT INTO cluster_level_periods (cluster_id, level, valid_from, valid_to, reason)
     SELECT ${uuidOf(`'bench-cluster-' || i`)}, h.level, h.valid_from, h.valid_to, 'Synthetic history (generated)'
     FROM generate_series(1, $1::int) AS i JOIN ${HISTORIES_SQL} ON h.kind = i % 4
     ORDER BY i, h.position`,
    [size.clusters],
  );
  const orgNumbers = syntheticOrgNumbers(size.organizations);
  await db.query(
    `INSERT INTO organizations (org_number, name, kind, employees)
     SELECT org_number, 'Synthetic organisation ' || lpad(n::text, 6, '0') || ' (generated)', 'COMPANY', (n * 37) % 400
     FROM unnest($1::text[]) WITH ORDINALITY AS o(org_number, n)`,
    [orgNumbers],
  );
  // Organisation n is a member of cluster n mod the cluster count.
  await db.query(
    `INSERT INTO memberships (id, cluster_id, org_number, role, joined_on)
     SELECT ${uuidOf(`'bench-membership-' || n`)}, ${uuidOf(`'bench-cluster-' || (1 + (n - 1) % $2)`)}, org_number,
            'MEMBER', DATE '2018-01-01'
     FROM unnest($1::text[]) WITH ORDINALITY AS o(org_number, n)`,
    [orgNumbers, size.clusters],
  );
  await db.query('ANALYZE');
}

export async function generateFunding(db: Queryable, size: DataSize): Promise<void> {
  // The clusters as the clusters service's events would have told this service: a grant's county is its cluster's.
  await db.query(
    `INSERT INTO cluster_directory (cluster_id, name, level, level_until, county_code)
     SELECT id, name, level, level_until, county_code FROM (${clusterRowsSql('$2::text[]')}) AS c`,
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
    [LEVELS],
  );
  await db.query(
    `INSERT INTO budgets (programme_code, year, amount_nok)
     SELECT 'SYNTHETIC', y, 1000000000000 FROM generate_series($1::int, $2::int) AS y`,
    [FIRST_BUDGET_YEAR, FIRST_BUDGET_YEAR + BUDGET_YEARS - 1],
  );
  await db.query(
    `INSERT INTO calls (id, programme_code, title, opens_on, closes_at)
     VALUES (${uuidOf(`'bench-call'`)}, 'SYNTHETIC', 'Synthetic call (generated)', DATE '2012-01-01', TIMESTAMPTZ '2030-01-01T00:00:00Z')`,
  );
  // Grant n goes to cluster n mod the cluster count, from budget year n mod 12; every other one
  // has had a payment, in January of the following year. Two applications in five are rejected
  // (numbered after the granted ones), so no year succeeds every time.
  await db.query(
    `INSERT INTO applications (id, call_id, applicant_type, cluster_id, title, requested_nok, status)
     SELECT ${uuidOf(`'bench-application-' || n`)}, ${uuidOf(`'bench-call'`)}, 'CLUSTER',
            ${uuidOf(`'bench-cluster-' || (1 + (n - 1) % $2)`)}, 'Synthetic application ' || n || ' (generated)',
            100000 + (n % 50) * 10000, 'GRANTED'
     FROM generate_series(1, $1::int) AS n`,
    [size.grants, size.clusters],
  );
  await db.query(
    `INSERT INTO grants (id, application_id, programme_code, budget_year, amount_nok, own_share_nok,
                         award_date, planned_start, planned_end, status)
     SELECT ${uuidOf(`'bench-grant-' || n`)}, ${uuidOf(`'bench-application-' || n`)}, 'SYNTHETIC', year,
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
     SELECT ${uuidOf(`'bench-application-' || n`)}, ${uuidOf(`'bench-call'`)}, 'CLUSTER',
            ${uuidOf(`'bench-cluster-' || (1 + (n - 1) % $3)`)}, 'Synthetic application ' || n || ' (generated)',
            100000 + (n % 50) * 10000, 'REJECTED'
     FROM generate_series($1::int + 1, $1::int + $2::int) AS n`,
    [size.grants, rejected, size.clusters],
  );
  await db.query(
    `INSERT INTO application_steps (application_id, status, actor, at, note)
     SELECT ${uuidOf(`'bench-application-' || n`)}, 'SUBMITTED', 'synthetic',
            make_timestamptz($3::int - 1 + n % $4::int, 10, 1, 12, 0, 0, 'UTC'), 'Generated'
     FROM generate_series($1::int + 1, $1::int + $2::int) AS n`,
    [size.grants, rejected, FIRST_BUDGET_YEAR, BUDGET_YEARS],
  );
  await db.query(
    `INSERT INTO disbursements (id, grant_id, amount_nok, paid_on)
     SELECT ${uuidOf(`'bench-disbursement-' || g.id`)}, g.id, g.amount_nok / 2, make_date(g.budget_year + 1, 1, 15)
     FROM grants g JOIN applications a ON a.id = g.application_id
     WHERE a.requested_nok % 20000 = 0`,
  );
  await db.query('ANALYZE');
}

export async function generateCompetence(db: Queryable, size: DataSize): Promise<void> {
  // One programme hosted by each cluster, each with ten of its members enrolled.
  await db.query(
    `INSERT INTO competence_programmes (id, name, themes, accepted_host_levels, target_companies, period_start, status)
     SELECT ${uuidOf(`'bench-programme-' || i`)}, 'Synthetic competence programme ' || lpad(i::text, 5, '0') || ' (generated)',
            '{synthetic}', $2, 30, DATE '2020-01-01', 'OPEN'
     FROM generate_series(1, $1::int) AS i`,
    [size.clusters, LEVELS],
  );
  await db.query(
    `INSERT INTO programme_hosts (programme_id, cluster_id)
     SELECT ${uuidOf(`'bench-programme-' || i`)}, ${uuidOf(`'bench-cluster-' || i`)} FROM generate_series(1, $1::int) AS i`,
    [size.clusters],
  );
  // The first two are the Conversion Engine's, aiming at 300 companies between them over its 13 months.
  await db.query(
    `UPDATE competence_programmes SET funding_programme_code = 'OMSTILLINGSMOTOREN', target_companies = 150,
            period_start = DATE '2017-11-01', period_start_precision = 'MONTH', period_end = DATE '2018-11-30', period_end_precision = 'MONTH'
     WHERE id IN (${uuidOf(`'bench-programme-1'`)}, ${uuidOf(`'bench-programme-2'`)})`,
  );
  const enrolled = syntheticOrgNumbers(Math.min(size.organizations, size.clusters * ENROLMENTS_PER_PROGRAMME));
  await db.query(
    `INSERT INTO enrolments (id, programme_id, org_number, member_of_cluster, status, enrolled_on)
     SELECT ${uuidOf(`'bench-enrolment-' || n`)}, ${uuidOf(`'bench-programme-' || (1 + (n - 1) % $2)`)}, org_number,
            true, CASE WHEN n % 3 = 0 THEN 'COMPLETED' ELSE 'ENROLLED' END, DATE '2020-02-01'
     FROM unnest($1::text[]) WITH ORDINALITY AS o(org_number, n)`,
    [enrolled, size.clusters],
  );
  await db.query('ANALYZE');
}

/** The generator of each subgraph that has one (the dashboard's three): the others start empty. */
export const SYNTHETIC_DATA: Readonly<Record<string, (db: Queryable, size: DataSize) => Promise<void>>> = {
  clusters: generateClusters,
  funding: generateFunding,
  competence: generateCompetence,
};
