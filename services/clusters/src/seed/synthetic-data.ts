import { COUNTIES, SYNTHETIC_CLUSTER_HISTORIES_SQL, syntheticClusterRowsSql, syntheticOrgNumbers, syntheticUuid } from '@klynge/contracts';
import type { SyntheticDataGenerator } from '@klynge/platform';

/**
 * The clusters service's share of the generated data set (see @klynge/contracts' synthetic-data):
 * the synthetic clusters with their level histories, and organisations, each a member of one.
 */
export const generateSyntheticClusters: SyntheticDataGenerator = async (db, size) => {
  const counties = Object.keys(COUNTIES);
  await db.query(
    `INSERT INTO clusters (id, slug, name, level, level_until, county_code, sectors, description, founded_year)
     SELECT id, 'synthetic-cluster-' || lpad(i::text, 5, '0'), name, level, level_until, county_code,
            '{synthetic}', 'Generated for the benchmark; not a real cluster.', 2000 + i % 20
     FROM (${syntheticClusterRowsSql('$2::text[]')}) AS c`,
    [size.clusters, counties],
  );
  await db.query(
    `INSERT INTO cluster_level_periods (cluster_id, level, valid_from, valid_to, reason)
     SELECT ${syntheticUuid(`'bench-cluster-' || i`)}, h.level, h.valid_from, h.valid_to, 'Synthetic history (generated)'
     FROM generate_series(1, $1::int) AS i JOIN ${SYNTHETIC_CLUSTER_HISTORIES_SQL} ON h.kind = i % 4
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
     SELECT ${syntheticUuid(`'bench-membership-' || n`)}, ${syntheticUuid(`'bench-cluster-' || (1 + (n - 1) % $2)`)}, org_number,
            'MEMBER', DATE '2018-01-01'
     FROM unnest($1::text[]) WITH ORDINALITY AS o(org_number, n)`,
    [orgNumbers, size.clusters],
  );
  await db.query('ANALYZE');
};
