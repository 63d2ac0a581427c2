import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { freePorts, waitFor } from '@klynge/test-infrastructure';
import type { Page } from 'playwright-core';
import { formatsFor } from './format';
import {
  ApplicationFunnelDocument,
  ClusterFundingDocument,
  ClusterListDocument,
  ClusterProfileDocument,
  ClusterProgrammesDocument,
  ClustersByCountyDocument,
  ClustersByLevelDocument,
  ConversionEngineAwardsDocument,
  ConversionEngineDocument,
  FunnelByYearDocument,
  LevelsOverTimeDocument,
  ReportedFiguresDocument,
  SupportByAgencyCountyDocument,
  SupportByAgencyAllDocument,
  SupportByCountyDocument,
  SupportByYearDocument,
} from './gql/graphql';
import { nb } from './i18n/messages/nb';
import { CONVERSION_ENGINE, operationText } from './operations';
import { DASHBOARD_SETUP_TIMEOUT_MS, type DashboardUnderTest, rowsOf, startDashboardUnderTest } from './test-support/dashboard-under-test';

// The pages open in bokmål, the default language: its words (nb) and its formats.
const { count, date, money, share, notKnown, years, periodEnd } = formatsFor('nb');

/**
 * The dashboard as a newcomer meets it: `npm start` on a fresh data folder (the embedded stack,
 * demo data: facts only), in a real browser. The gateway takes only registered operations from
 * anonymous callers, as in production; the funding subgraph is reached through a proxy, so a test
 * can take it away.
 */
/** The overview's panels: support, funnel, levels today, support by agency and by programme, funnel per year, levels over time, the clusters. */
const OVERVIEW_PANELS = 9;

describe('the dashboard, in Chromium, on npm start', () => {
  let dashboard: DashboardUnderTest;
  const ask: DashboardUnderTest['ask'] = (document, variables) => dashboard.ask(document, variables);
  const open = (address: string, panels: number) => dashboard.open(address, panels);
  const screenshot = (page: Page, name: string) => dashboard.screenshot(page, name);

  beforeAll(async () => {
    // Without the gateway's response cache: these pages are about what the dashboard does with each
    // answer, the last about a subgraph that is down, whose panels the cache would go on answering
    // with what it kept (exact still: it drops an answer when an event changes it).
    dashboard = await startDashboardUnderTest({ env: { ANONYMOUS_OPERATIONS: 'registered', RESPONSE_CACHE: 'off' }, proxied: ['funding'] });
  }, DASHBOARD_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await dashboard?.stop();
  });

  it('shows the overview with the figures the graph answers, in bokmål and formatted for Norwegian readers', async () => {
    const { page, problems } = await open('', OVERVIEW_PANELS);

    const support = await ask(SupportByYearDocument);
    expect(support.fundingBreakdown.length).toBeGreaterThan(0);
    expect(await rowsOf(page, 'SupportByYear')).toEqual(
      support.fundingBreakdown.map((year) => [year.label, count(year.grants), money(year.granted), money(year.paid)]),
    );

    const { applicationFunnel: funnel } = await ask(ApplicationFunnelDocument);
    expect(await rowsOf(page, 'ApplicationFunnel')).toEqual([
      [nb['funnel.applied'], count(funnel.applied)],
      [nb['funnel.granted'], count(funnel.granted)],
      [nb['funnel.rejected'], count(funnel.rejected)],
      [nb['funnel.successRate'], share(funnel.successRate)],
      [nb['funnel.requested'], money(funnel.requested)],
      [nb['funnel.awarded'], money(funnel.awarded)],
    ]);
    // The demo holds no call: the applications are not known, and the page says so instead of 0.
    expect([funnel.recorded, funnel.applied]).toEqual([false, null]);
    expect(await rowsOf(page, 'ApplicationFunnel')).toContainEqual([nb['funnel.applied'], notKnown]);
    await expect(page.locator('section[data-operation="ApplicationFunnel"]').innerText()).resolves.toContain(nb['funnel.notRecorded']);
    // Paid is not known for the demo's reported awards: no payment is recorded on them.
    expect(support.fundingBreakdown.every((year) => year.paid === null)).toBe(true);

    const { clusterCounts } = await ask(ClustersByLevelDocument);
    expect(clusterCounts.total).toBeGreaterThan(0);
    // Levels as people write them, from the graph (Norwegian Smart Care Cluster: Arena Pro from 2019).
    expect(clusterCounts.byLevel.find((entry) => entry.level === 'ARENA_PRO')?.levelLabel).toBe('Arena Pro');
    expect(await rowsOf(page, 'ClustersByLevel')).toEqual([
      ...clusterCounts.byLevel.map((entry) => [entry.levelLabel, count(entry.clusters)]),
      [nb['levels.unknownToday'], count(clusterCounts.levelUnknown)],
      [nb['levels.all'], count(clusterCounts.total)],
    ]);
    const { clusters } = await ask(ClusterListDocument);
    expect(await rowsOf(page, 'ClusterList')).toEqual(
      clusters.edges.map(({ node }) => [
        node.name,
        node.levelLabel ?? notKnown,
        node.county?.name ?? notKnown,
        count(node.memberStats.memberCount),
      ]),
    );
    // Money with thousands separators, as NOK: "8 000 000 kr" (nb-NO groups with a narrow no-break space).
    expect(money({ amount: '8000000', currency: 'NOK' })).toMatch(/^8\s000\s000\skr$/u);

    // Each chart is drawn (SVG, one bar per value at least), beside its table.
    // The series: zero-filled per year from the graph, shown as it answers.
    const { clusterLevelsByYear: points } = await ask(LevelsOverTimeDocument);
    const years = [...new Set(points.map((point) => point.year))];
    expect(years[0]).toBe(2006);
    expect(points).toHaveLength(years.length * 4);
    expect(await rowsOf(page, 'LevelsOverTime')).toEqual(
      years.map((year) => [String(year), ...points.filter((point) => point.year === year).map((point) => count(point.clusters))]),
    );
    // What the pages report of the programme, each beside its link and, for its clusters in all, beside
    // what the graph holds that year ("39 klynger ... grafen har N"): never a reported figure alone.
    const reported = await ask(ReportedFiguresDocument);
    expect(reported.reportedClusters.find((fact) => fact.year === 2015)?.value).toMatch(/\b39\b/);
    const items = page.locator('section[data-operation="ReportedFigures"] li');
    await expect(items.count()).resolves.toBe(reported.reportedClusters.length + reported.reportedPerLevel.length);
    for (const [index, fact] of reported.reportedClusters.entries()) {
      const held = reported.clusterLevelsByYear.filter((point) => point.year === fact.year).reduce((sum, point) => sum + point.clusters, 0);
      await expect(items.nth(index).innerText()).resolves.toContain(
        `${fact.year}: ${fact.value} klynger i programmet ifølge kilden; grafen har ${count(held)} klynger`,
      );
      await expect(items.nth(index).locator('a').getAttribute('href')).resolves.toBe(fact.source.url);
    }
    const { applicationFunnelByYear: funnelYears } = await ask(FunnelByYearDocument);
    expect(await rowsOf(page, 'FunnelByYear')).toEqual(
      funnelYears.map((year) => [
        String(year.year),
        count(year.applied),
        count(year.granted),
        count(year.rejected),
        share(year.successRate),
      ]),
    );
    // Every agency's money, each from its own subgraph, and what it is: Innovasjon Norge's reported
    // awards of 2017 (NOK 22 million), Siva's allocations to Norsk katapult (2017, 2018, over 47
    // million in 2022); Forskningsrådet's projects are not recorded in the demo, and it says so.
    const agencies = await ask(SupportByAgencyAllDocument);
    const agencyRows = await rowsOf(page, 'SupportByAgencyAll');
    expect(agencyRows).toEqual(
      expect.arrayContaining([
        ['2017', 'Innovasjon Norge', money({ amount: '22000000', currency: 'NOK' }), nb['support.what.grants']],
        ['2017', 'Siva', money({ amount: '50000000', currency: 'NOK' }), nb['support.what.catapult']],
        [
          '2022',
          'Siva',
          nb['support.atLeast'].replace('{amount}', money({ amount: '47000000', currency: 'NOK' })),
          nb['support.what.catapult'],
        ],
      ]),
    );
    expect(agencyRows).toHaveLength(
      agencies.fundingSeries.filter((row) => row.grants > 0).length +
        agencies.catapultAllocationsByYear.length +
        agencies.researchAllocations.length,
    );
    await expect(page.locator('section[data-operation="SupportByAgencyAll"]').innerText()).resolves.toContain(
      nb['support.researchNotRecorded'],
    );

    for (const name of ['SupportByYear', 'ClustersByLevel', 'SupportSeries', 'SupportByAgencyAll', 'LevelsOverTime']) {
      expect(await page.locator(`section[data-operation="${name}"] .chart svg path`).count()).toBeGreaterThan(0);
    }
    await screenshot(page, 'overview');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("has each figure's source query one click away", async () => {
    const { page } = await open('', OVERVIEW_PANELS);
    const panel = page.locator('section[data-operation="SupportByYear"]');
    await panel.locator('summary', { hasText: nb['panel.sourceQuery'] }).click();
    await expect(panel.locator('pre').innerText()).resolves.toBe(operationText(SupportByYearDocument));
    await page.close();
  });

  it("opens a figure's source query in GraphiQL with its variables filled, runnable in one click", async () => {
    const { page } = await open('clusters/nce-raufoss', 5);
    const panel = page.locator('section[data-operation="ClusterProfile"]');
    await panel.locator('summary', { hasText: nb['panel.sourceQuery'] }).click();
    const link = panel.locator('details a', { hasText: nb['panel.openInGraphiql'] });
    const address = new URL((await link.getAttribute('href'))!, page.url());
    expect([address.pathname, address.searchParams.get('query'), JSON.parse(address.searchParams.get('variables')!)]).toEqual([
      '/graphql',
      operationText(ClusterProfileDocument),
      { slug: 'nce-raufoss' },
    ]);
    await link.click();
    // GraphiQL's editors, once it has laid them out: the query and its variables as the figure asked.
    const editors = () => page.locator('.CodeMirror').allInnerTexts();
    await waitFor('GraphiQL to open the query', async () => (await editors()).some((text) => text.includes('query ClusterProfile')), {
      timeoutMs: 30_000,
      intervalMs: 100,
    });
    expect((await editors()).some((text) => text.includes('"slug": "nce-raufoss"'))).toBe(true);
    await page.close();
  });

  it('follows a click from the overview to a cluster page: its level history, members, grants and programmes', async () => {
    const { page, problems } = await open('', OVERVIEW_PANELS);
    await page.locator('section[data-operation="ClusterList"] a', { hasText: /^NCE Raufoss$/ }).click();
    await page.waitForURL(/\/dashboard\/clusters\/[^/]+$/);
    const slug = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
    await waitFor(
      'the cluster page to answer',
      async () =>
        (await page.locator('section.panel[aria-busy="true"]').count()) === 0 && (await page.locator('section.panel').count()) === 5,
      {
        timeoutMs: 30_000,
        intervalMs: 100,
      },
    );

    const { cluster } = await ask(ClusterProfileDocument, { slug });
    expect(cluster?.name).toBe('NCE Raufoss');
    await expect(page.locator('h1').innerText()).resolves.toBe('NCE Raufoss');
    expect(await rowsOf(page, 'ClusterProfile', 'table.level-history')).toEqual(
      // Years as years, how each end is known, and the sites of the pages behind each period.
      cluster!.levelHistory.map((period) => [
        period.levelLabel,
        years(period.fromYear, period.toYear, period.basis === 'RECORDED') +
          (period.fromYearsReported.length > 1
            ? ` ${nb['cluster.sourcesDisagree'].replace('{years}', period.fromYearsReported.join(` ${nb['period.or']} `))}`
            : ''),
        periodEnd(period.endedBy, period.basis),
        [...new Map(period.claims.map((claim) => [claim.source.url, claim.source.site])).values()].join(', ') || period.reason,
      ]),
    );
    // Klynge holds none of its memberships: its members are not known, not 0 (pages report some, each linked).
    const about = await rowsOf(page, 'ClusterProfile', 'table:first-of-type');
    expect(about).toContainEqual([nb['cluster.members'], notKnown]);
    expect(cluster!.memberStats).toMatchObject({ recorded: false, memberCount: null });
    expect(await page.locator('section[data-operation="ClusterProfile"] table.level-history a').first().getAttribute('href')).toMatch(
      /^https?:\/\//,
    );
    expect(await page.locator('section[data-operation="ClusterProfile"] .chart svg path').count()).toBeGreaterThan(0);
    expect(await rowsOf(page, 'ClusterProfile', 'table.members')).toHaveLength(cluster!.members.edges.length);

    // The Conversion Engine's reported award: NOK 8 million to NCE Raufoss.
    const funding = (await ask(ClusterFundingDocument, { slug })).cluster!;
    const grants = await rowsOf(page, 'ClusterFunding', 'table.grants');
    expect(grants).toEqual(
      funding.grants!.map((grant) => [
        date(grant.awardDate, grant.awardDatePrecision),
        grant.programme.name,
        money(grant.amountAwarded),
        money(grant.amountPaid),
      ]),
    );
    expect(grants.some((row) => /^8\s000\s000\skr$/u.test(row[2]!))).toBe(true);
    // Its grants in the 360Giving standard, one click away.
    const giving = await page.locator('section[data-operation="ClusterFunding"] a.download').getAttribute('href');
    const downloaded = JSON.parse(decodeURIComponent(giving!.replace(/^data:application\/json;charset=utf-8,/, ''))) as {
      grants: unknown[];
    };
    expect(downloaded.grants).toEqual(funding.grants!.map((grant) => grant.giving360));

    const { cluster: host } = await ask(ClusterProgrammesDocument, { slug });
    expect((await rowsOf(page, 'ClusterProgrammes', 'table.programmes')).map((row) => row[0])).toEqual(
      host!.hostedProgrammes!.map((programme) => programme.name),
    );
    // A programme whose dates are past (the 2015-2016 pilot, the Conversion Engine) shows its last
    // recorded status as that, never "Pågår" or "Åpen" today.
    const programmeRows = await rowsOf(page, 'ClusterProgrammes', 'table.programmes');
    for (const [index, programme] of host!.hostedProgrammes!.entries()) {
      const status = nb[`programmeStatus.${programme.status}`];
      expect(programmeRows[index]![2]).toBe(
        programme.periodPhase === 'AFTER' && ['PLANNED', 'OPEN', 'RUNNING'].includes(programme.status)
          ? nb['conversion.statusOutdated'].replace('{status}', status)
          : status,
      );
    }
    expect(host!.hostedProgrammes!.filter((programme) => programme.periodPhase === 'AFTER').length).toBeGreaterThanOrEqual(2);
    // Members nobody recorded: the heading says so, and no research share reads "0 av 0".
    await expect(page.locator('section[data-operation="ClusterProfile"] h3', { hasText: notKnown }).count()).resolves.toBe(1);
    await expect(page.locator('section[data-operation="ClusterResearch"]').innerText()).resolves.not.toMatch(/\b0 av 0\b/);
    await screenshot(page, 'cluster');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the counties: clusters per county on a tile map of the 15 counties and a table, and support per county', async () => {
    const { page, problems } = await open('counties', 3);
    const { clusterCounts } = await ask(ClustersByCountyDocument);
    expect(await page.locator('.tile').count()).toBe(15);
    for (const { county, clusters } of clusterCounts.byCounty) {
      await expect(page.locator(`.tile[data-county="${county.code}"] .tile-figure`).innerText()).resolves.toBe(count(clusters));
    }
    expect((await rowsOf(page, 'ClustersByCounty')).map((row) => [row[0], row.at(-1)])).toEqual(
      clusterCounts.byCounty.map((entry) => [entry.county.name, count(entry.clusters)]),
    );
    const { fundingBreakdown } = await ask(SupportByCountyDocument);
    expect(await rowsOf(page, 'SupportByCounty')).toEqual(
      // The row of support whose recipient's county nobody recorded, in the page's language.
      fundingBreakdown.map((county) => [
        county.key === 'unknown' ? nb['support.unknownCounty'] : county.label,
        count(county.grants),
        money(county.granted),
        money(county.paid),
      ]),
    );
    // The clusters no source places in a county are said, not drawn as a 0 anywhere.
    expect(clusterCounts.countyUnknown).toBeGreaterThan(0);
    await expect(page.locator('section[data-operation="ClustersByCounty"]').innerText()).resolves.toContain(
      nb['counties.countyUnknown'].replace('{unknown}', count(clusterCounts.countyUnknown)).replace('{total}', count(clusterCounts.total)),
    );
    // Every agency's money per county of the cluster it went to: the Conversion Engine's award to NCE
    // Raufoss (Innlandet) among them, all of what the graph gives per cluster and nothing else.
    const { clusters } = await ask(SupportByAgencyCountyDocument);
    const perCluster = clusters.edges.flatMap(({ node }) =>
      [node.fundingSupportByYear, node.catapultSupportByYear, node.researchSupportByYear].flatMap((part) => part ?? []),
    );
    const agencyRows = await rowsOf(page, 'SupportByAgencyCounty');
    expect(agencyRows).toContainEqual(['Innlandet', 'Innovasjon Norge', money({ amount: '8000000', currency: 'NOK' })]);
    const kroner = (text: string) => BigInt(text.replace(/\D/g, ''));
    expect(agencyRows.reduce((sum, row) => sum + kroner(row[2]!), 0n)).toBe(
      perCluster.reduce((sum, year) => sum + BigInt(year.amount.amount), 0n),
    );
    await screenshot(page, 'counties');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the Conversion Engine: companies reached against its target of 300', async () => {
    const { competenceProgrammes } = await ask(ConversionEngineDocument);
    const programmes = competenceProgrammes.filter((programme) => programme.fundingProgramme?.code === CONVERSION_ENGINE);
    expect(programmes.map((programme) => programme.reach.targetCompanies)).toContain(300);
    // Its money and awards, then its programme with the reach of each.
    const { page, problems } = await open('conversion-engine', 2 + programmes.length);
    const { budgets, grants } = await ask(ConversionEngineAwardsDocument);
    expect(budgets.map((budget) => budget.amount.amount)).toEqual(['30000000']);
    const awards = await rowsOf(page, 'ConversionEngineAwards', 'table.awards');
    expect(awards).toEqual(
      grants.edges.map(({ node: grant }) => [
        date(grant.awardDate, grant.awardDatePrecision),
        money(grant.amountAwarded),
        grant.recipients.map((recipient) => recipient.name).join(', '),
        grant.source ?? notKnown,
      ]),
    );
    // Both reported awards, every recipient of the consortium's named.
    expect(awards.map((award) => award[2])).toEqual(
      expect.arrayContaining(['NCE Raufoss', 'Digital Norway, iKuben, Smart Innovation Norway, Kongsberg']),
    );
    for (const programme of programmes) {
      const figures = page.locator('.programme', { has: page.locator('h3', { hasText: programme.name }) });
      const rows = await figures
        .locator('table')
        .first()
        .locator('tbody tr')
        .evaluateAll((all) => all.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));
      expect(rows).toContainEqual([nb['conversion.companiesReached'], count(programme.reach.companiesReached)]);
      expect(rows).toContainEqual([nb['conversion.target'], count(programme.reach.targetCompanies)]);
      // Its 13 months ended with November 2018: the page says so, not "open" today.
      expect(rows).toContainEqual([nb['conversion.phase'], nb[`conversion.phase.${programme.periodPhase}`]]);
    }
    const engine = programmes.find((programme) => programme.reach.targetCompanies === 300)!;
    expect([engine.periodPhase, engine.reach.recorded, engine.reach.companiesReached]).toEqual(['AFTER', false, null]);
    await expect(page.locator('section[data-operation="ConversionEngine"]').innerText()).resolves.toContain(
      nb['conversion.reachNotRecorded'].replace('{target}', count(300)),
    );
    // Its last recorded status is said to be the last one, not "open" today; where no enrolment is
    // recorded, no row says none were reached, and nothing reads "ikke kjent (ikke kjent)".
    const engineSection = page.locator('.programme', { has: page.locator('h3', { hasText: engine.name }) });
    await expect(engineSection.innerText()).resolves.toContain(
      nb['conversion.statusOutdated'].replace('{status}', nb[`programmeStatus.${engine.status}`]),
    );
    await expect(engineSection.locator('table.reach-by-county').innerText()).resolves.toContain(nb['conversion.enrolmentsNotRecorded']);
    await expect(engineSection.innerText()).resolves.not.toContain(nb['conversion.noCompanyYet']);
    await expect(engineSection.innerText()).resolves.not.toContain(`${notKnown} (${notKnown})`);
    expect(await page.locator('section[data-operation="ConversionEngine"] .chart svg path').count()).toBeGreaterThan(0);
    await screenshot(page, 'conversion-engine');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('answers a bookmarked address under /dashboard/ with the app, and /dashboard with a redirect', async () => {
    const deep = await fetch(new URL('clusters/nce-raufoss', dashboard.dashboardUrl));
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    const bare = await fetch(dashboard.dashboardUrl.replace(/\/$/, ''), { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/dashboard/');
  });

  it('refuses an anonymous document that is not registered, as production does, while the dashboard works', async () => {
    const response = await fetch(dashboard.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ clusterCounts { total } }' }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      'PERSISTED_QUERY_ID_REQUIRED',
    );
  });

  it("runs under Vite's dev server (npm run dev --workspace @klynge/dashboard) against the running gateway", async () => {
    const [port] = await freePorts(1);
    const vite = spawn(
      process.execPath,
      [
        path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'),
        '--port',
        String(port),
        '--strictPort',
        '--host',
        '127.0.0.1',
      ],
      {
        cwd: path.join(__dirname, '..'),
        env: { ...process.env, GATEWAY_URL: dashboard.graphqlUrl.replace(/\/graphql$/, '') },
      },
    );
    let output = '';
    vite.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    vite.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const devUrl = `http://127.0.0.1:${port}/dashboard/`;
      await waitFor(
        "Vite's dev server to answer",
        async () => {
          if (vite.exitCode !== null) throw new Error(`vite exited with ${vite.exitCode}:\n${output}`);
          return (await fetch(devUrl).catch(() => undefined))?.ok;
        },
        { timeoutMs: 60_000, intervalMs: 200 },
      );
      const page = await dashboard.browser.newPage();
      await page.goto(devUrl);
      await page.locator('section[data-operation="ClustersByLevel"].panel-ready').waitFor({ timeout: 60_000 });
      const { clusterCounts } = await ask(ClustersByLevelDocument);
      await expect(page.locator('section[data-operation="ClustersByLevel"] tbody tr').last().innerText()).resolves.toContain(
        count(clusterCounts.total),
      );
      await page.close();
    } finally {
      const exited = once(vite, 'exit');
      vite.kill('SIGTERM');
      await exited;
    }
  });

  // Last: it takes the funding subgraph away for good.
  it('greys out only the panels that need a subgraph that is down', async () => {
    await dashboard.proxies.get('funding')!.close();
    const { page } = await open('', OVERVIEW_PANELS);
    for (const name of ['SupportByYear', 'ApplicationFunnel', 'SupportSeries', 'SupportByAgencyAll', 'FunnelByYear', 'ReportedFigures']) {
      for (const panel of await page.locator(`section[data-operation="${name}"]`).all()) {
        await expect(panel.getAttribute('class')).resolves.toContain('panel-unavailable');
        await expect(panel.locator('.status').innerText()).resolves.toContain('den delen av grafen som gjelder tilskudd, svarer ikke');
      }
    }
    for (const name of ['ClustersByLevel', 'ClusterList', 'LevelsOverTime']) {
      await expect(page.locator(`section[data-operation="${name}"]`).getAttribute('class')).resolves.toContain('panel-ready');
    }
    await screenshot(page, 'overview-funding-down');
    await page.close();
  });
});
