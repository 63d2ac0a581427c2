import { formatsFor } from './format';
import {
  ApplicationFunnelDocument,
  ClusterListDocument,
  ClusterProgrammesDocument,
  ConversionEngineDocument,
  LevelsOverTimeDocument,
  SupportByCountyDocument,
  SupportByYearDocument,
} from './gql/graphql';
import { CONVERSION_ENGINE } from './operations';
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

  it("keeps the domain's rules: levels in their eras, applications rejected too, every grant in a county, a Conversion Engine", async () => {
    // No NCE today (a level until 2018), nor Arena Pro before 2019 or GCE before 2014.
    const { clusterLevelsByYear: points } = await dashboard.ask(LevelsOverTimeDocument);
    const held = (level: string, year: number) => points.find((point) => point.level === level && point.year === year)?.clusters ?? 0;
    const thisYear = new Date().getFullYear();
    expect([held('NCE', 2018) > 0, held('NCE', 2019), held('NCE', thisYear)]).toEqual([true, 0, 0]);
    expect([held('ARENA_PRO', 2018), held('ARENA_PRO', 2022) > 0, held('GCE', 2013)]).toEqual([0, true, 0]);
    // Some applications rejected: no year succeeds every time.
    const { applicationFunnel: funnel } = await dashboard.ask(ApplicationFunnelDocument);
    expect(funnel.successRate).toBeGreaterThan(0.3);
    expect(funnel.successRate).toBeLessThan(0.9);
    // Every grant's cluster is in a county: none in "Fylke ikke kjent".
    const { fundingBreakdown: counties } = await dashboard.ask(SupportByCountyDocument);
    expect(counties.map((county) => county.key)).not.toContain('unknown');
    expect(counties.length).toBeGreaterThan(1);
    // The Conversion Engine's page has programmes, generated, aiming at 300 companies between them.
    const { competenceProgrammes } = await dashboard.ask(ConversionEngineDocument);
    const engine = competenceProgrammes.filter((programme) => programme.fundingProgramme?.code === CONVERSION_ENGINE);
    expect(engine.map((programme) => programme.name).every((name) => name.endsWith('(generated)'))).toBe(true);
    expect(engine.reduce((sum, programme) => sum + (programme.reach.targetCompanies ?? 0), 0)).toBe(300);
    const { page, problems } = await dashboard.open('conversion-engine', 2 + engine.length);
    await dashboard.screenshot(page, 'conversion-engine-synthetic');
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
