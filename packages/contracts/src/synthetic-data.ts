/**
 * What every service's share of the generated data set (each service's seed/synthetic-data.ts,
 * for the benchmark and for `KLYNGE_DEMO=synthetic npm start`) agrees on without talking: the
 * synthetic clusters, their ids and histories, and the organisation numbers.
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
import { isValidOrgNumber } from './values';

/** A stable UUID from a label (SQL), so every service agrees on a cluster's id without talking. */
export const syntheticUuid = (sql: string) => `md5(${sql})::uuid`;

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
export const SYNTHETIC_CLUSTER_HISTORIES_SQL = `(VALUES
  (0, 1, 'ARENA', DATE '2024-01-01', NULL::date),
  (1, 1, 'ARENA', DATE '2019-01-01', DATE '2022-01-01'),
  (1, 2, 'ARENA_PRO', DATE '2022-01-01', NULL),
  (2, 1, 'ARENA', DATE '2006-01-01', DATE '2010-01-01'),
  (2, 2, 'NCE', DATE '2010-01-01', DATE '2019-01-01'),
  (3, 1, 'NCE', DATE '2008-01-01', DATE '2017-01-01'),
  (3, 2, 'GCE', DATE '2017-01-01', NULL)
) AS h(kind, position, level, valid_from, valid_to)`;

/**
 * Synthetic cluster n (from 1, up to $1): its id, name, latest level, the day that level ended
 * with none after it known (level_until), and county (from the array `counties`, SQL). The
 * clusters service writes them; the funding service's directory holds the same, as the clusters'
 * events would have told it.
 */
export const syntheticClusterRowsSql = (counties: string) => `SELECT ${syntheticUuid(`'bench-cluster-' || i`)} AS id, i,
       'Synthetic cluster ' || lpad(i::text, 5, '0') || ' (generated)' AS name,
       last.level, last.valid_to AS level_until,
       (${counties})[1 + i % cardinality(${counties})] AS county_code
  FROM generate_series(1, $1::int) AS i
  JOIN LATERAL (SELECT level, valid_to FROM ${SYNTHETIC_CLUSTER_HISTORIES_SQL} WHERE h.kind = i % 4 ORDER BY position DESC LIMIT 1) AS last ON true`;
