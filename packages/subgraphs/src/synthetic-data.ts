/**
 * Generated data for the benchmark and for `KLYNGE_DEMO=synthetic npm start`, written straight
 * into each service's tables (going through the use cases would take minutes, and the benchmark
 * would measure the writes, not the reads).
 *
 * Everything here is synthetic and labelled so: names end in "(generated)", organisation numbers
 * start with 1 (real ones start with 8 or 9) while still passing the MOD11 check, and the one
 * agency and programme say what they are. Nothing here may be mistaken for a real cluster.
 * Deterministic: the same sizes give the same data, so runs compare.
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

export async function generateClusters(db: Queryable, size: DataSize): Promise<void> {
  const counties = Object.keys(COUNTIES);
  await db.query(
    `INSERT INTO clusters (id, slug, name, level, county_code, sectors, description, founded_year)
     SELECT ${uuidOf(`'bench-cluster-' || i`)}, 'synthetic-cluster-' || lpad(i::text, 5, '0'),
            'Synthetic cluster ' || lpad(i::text, 5, '0') || ' (generated)',
            ($2::text[])[1 + i % 4], ($3::text[])[1 + i % cardinality($3::text[])],
            '{synthetic}', 'Generated for the benchmark; not a real cluster.', 2000 + i % 20
     FROM generate_series(1, $1::int) AS i`,
    [size.clusters, LEVELS, counties],
  );
  // NCE and GCE clusters were an Arena first; the others have one period.
  await db.query(
    `INSERT INTO cluster_level_periods (cluster_id, level, valid_from, valid_to, reason)
     SELECT id, 'ARENA', DATE '2010-01-01', DATE '2016-01-01', 'Synthetic history (generated)'
     FROM clusters WHERE level IN ('NCE', 'GCE')
     UNION ALL
     SELECT id, level, CASE WHEN level IN ('NCE', 'GCE') THEN DATE '2016-01-01' ELSE DATE '2010-01-01' END,
            NULL, 'Synthetic history (generated)'
     FROM clusters`,
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
  await db.query(`INSERT INTO agencies (code, name, kind) VALUES ('synthetic-agency', 'Synthetic agency (generated)', 'OTHER')`);
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
  // has had a payment, in January of the following year.
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
