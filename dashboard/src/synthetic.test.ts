import { formatsFor } from './format';
import { ClusterListDocument, ClusterProgrammesDocument, SupportByYearDocument } from './gql/graphql';
import { DASHBOARD_SETUP_TIMEOUT_MS, type DashboardUnderTest, rowsOf, startDashboardUnderTest } from './test-support/dashboard-under-test';

// The pages open in bokmål, the default language.
const { count, money } = formatsFor('nb');

/**
 * `KLYNGE_DEMO=synthetic npm start`: the benchmark's generated data set, so that every chart has
 * something to show, and every record of it says "(generated)" where the dashboard shows it.
 */
describe('the dashboard on the synthetic demo', () => {
  let dashboard: DashboardUnderTest;

  beforeAll(async () => {
    dashboard = await startDashboardUnderTest({ env: { KLYNGE_DEMO: 'synthetic' } });
  }, DASHBOARD_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await dashboard?.stop();
  });

  it('charts the generated data, each cluster labelled "(generated)"', async () => {
    const { page, problems } = await dashboard.open('', 8);
    const { clusters } = await dashboard.ask(ClusterListDocument);
    expect(clusters.totalCount).toBe(100);
    const names = (await rowsOf(page, 'ClusterList')).map((row) => row[0]!);
    expect(names).toHaveLength(clusters.totalCount);
    expect(names.every((name) => name.endsWith('(generated)'))).toBe(true);

    const { fundingBreakdown: years } = await dashboard.ask(SupportByYearDocument);
    expect(years.length).toBeGreaterThan(1);
    expect(years.every((year) => year.granted !== null && BigInt(year.granted.amount) > 0n)).toBe(true);
    expect(await rowsOf(page, 'SupportByYear')).toEqual(
      years.map((year) => [year.label, count(year.grants), money(year.granted), money(year.paid)]),
    );
    await dashboard.screenshot(page, 'overview-synthetic');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('labels a generated cluster and what it hosts on its page', async () => {
    const { clusters } = await dashboard.ask(ClusterListDocument);
    const { slug, name } = clusters.edges[0]!.node;
    const { page, problems } = await dashboard.open(`clusters/${slug}`, 5);
    await expect(page.locator('h1').innerText()).resolves.toBe(name);
    expect(name).toMatch(/\(generated\)$/);
    expect((await rowsOf(page, 'ClusterFunding', 'table.grants')).length).toBeGreaterThan(0);
    const { cluster } = await dashboard.ask(ClusterProgrammesDocument, { slug });
    const programmes = (await rowsOf(page, 'ClusterProgrammes', 'table.programmes')).map((row) => row[0]!);
    expect(programmes).toEqual(cluster!.hostedProgrammes!.map((programme) => programme.name));
    expect(programmes.length).toBeGreaterThan(0);
    expect(programmes.every((programme) => programme.endsWith('(generated)'))).toBe(true);
    await dashboard.screenshot(page, 'cluster-synthetic');
    expect(problems).toEqual([]);
    await page.close();
  });
});
