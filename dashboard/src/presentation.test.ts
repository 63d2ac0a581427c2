import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { waitFor } from '@klynge/test-infrastructure';
import type { Page } from 'playwright-core';
import { formatsFor } from './format';
import { ClusterFundingDocument, ClusterProgrammesDocument } from './gql/graphql';
import { inLocale, LOCALES, type Locale } from './i18n/locales';
import { MESSAGES } from './i18n/messages';
import type { MessageId } from './i18n/messages/nb';
import { axeViolations } from './test-support/axe';
import {
  DASHBOARD_SETUP_TIMEOUT_MS,
  type DashboardUnderTest,
  startDashboardUnderTest,
  type Viewport,
  watch,
} from './test-support/dashboard-under-test';
import { tabThrough } from './test-support/keyboard';

/**
 * The dashboard for everyone (issue 27, items 5-7): in bokmål, nynorsk or English as the address
 * says, accessible (axe-core, the keyboard), and whole on phones and tablets; the gateway's other
 * pages for people (GraphiQL, the event catalogue, its 404) accessible too. One `npm start` and one
 * Chromium for the file; the funding subgraph behind a proxy, taken away by the last test.
 */

const DESKTOP: Viewport = { width: 1400, height: 900 };
const TABLET: Viewport = { width: 768, height: 1024 };
const PHONE: Viewport = { width: 390, height: 844 };

/** Screenshots for people to look at (git ignores the folder): every page at desktop and phone width. */
const screenshots = path.join(__dirname, '..', 'screenshots');

/** The dashboard's pages: where, what names it, and how many panels it waits for. */
interface DashboardPage {
  readonly name: string;
  readonly address: string;
  readonly panels: number;
  /** The page's title before " – Klynge", in a language. */
  readonly title: (locale: Locale) => string;
}
const messageTitle = (id: MessageId) => (locale: Locale) => MESSAGES[locale][id];
const PAGES: readonly DashboardPage[] = [
  { name: 'overview', address: '', panels: 9, title: messageTitle('overview.title') },
  { name: 'counties', address: 'counties', panels: 3, title: messageTitle('counties.title') },
  { name: 'cluster', address: 'clusters/nce-raufoss', panels: 5, title: () => 'NCE Raufoss' },
  { name: 'conversion-engine', address: 'conversion-engine', panels: 3, title: messageTitle('conversion.title') },
  { name: 'not-found', address: 'no-such-page', panels: 0, title: messageTitle('notFound.title') },
  { name: 'accessibility-statement', address: 'tilgjengelighet', panels: 0, title: messageTitle('a11y.title') },
];

/** The smallest height a chart may have and still be read: its bars, its axis and its labels. */
const READABLE_CHART_HEIGHT = { normal: 200, short: 150 };

describe('the dashboard for everyone: Norwegian first, accessible, on phones', () => {
  let dashboard: DashboardUnderTest;
  let gateway: string;

  beforeAll(async () => {
    // As npm start runs by default (anonymous documents allowed), so that GraphiQL loads the schema as a developer sees it,
    // but without the response cache, which would go on answering the panels of the subgraph one test takes away.
    dashboard = await startDashboardUnderTest({ env: { RESPONSE_CACHE: 'off' }, proxied: ['funding'] });
    gateway = new URL(dashboard.graphqlUrl).origin;
    mkdirSync(screenshots, { recursive: true });
  }, DASHBOARD_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await dashboard?.stop();
  });

  /** A dashboard page in a language and a window size, once its heading is there and its panels have answered. */
  const open = async (target: DashboardPage, { locale = 'nb', viewport = DESKTOP }: { locale?: Locale; viewport?: Viewport } = {}) => {
    const { page, problems } = await dashboard.open(inLocale(target.address, locale), target.panels, viewport);
    // Generous, as the panels' wait is: CI runs this beside other workspaces' tests, on two cores.
    await page.locator('main h1').first().waitFor({ timeout: 60_000 });
    return { page, problems };
  };

  /** One of the gateway's own pages for people, as a browser asks for it. */
  const openGatewayPage = async (address: string, viewport: Viewport = DESKTOP) => {
    const page = await dashboard.browser.newPage({ viewport });
    const problems = watch(page);
    await page.goto(new URL(address, gateway).toString());
    return { page, problems };
  };

  describe('Norwegian first (item 5)', () => {
    it('gives every page a title of its own, <html lang> of its language and only its texts: bokmål by default, nynorsk and English by ?lang=', async () => {
      for (const locale of LOCALES) {
        const titles = new Set<string>();
        const own = new Set(Object.values(MESSAGES[locale]));
        // Whole texts only another language has (no placeholders, long enough not to be a shared word).
        const foreign = new Set(
          LOCALES.filter((other) => other !== locale)
            .flatMap((other) => Object.values(MESSAGES[other]))
            .filter((text) => !own.has(text) && !/[{<]/.test(text) && text.length >= 8),
        );
        for (const target of PAGES) {
          const { page, problems } = await open(target, { locale });
          const expected = formatsFor(locale).t('app.pageTitle', { page: target.title(locale) });
          await waitFor(`${target.name} in ${locale} to be titled "${expected}"`, async () => (await page.title()) === expected, {
            timeoutMs: 10_000,
            intervalMs: 50,
          });
          await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(locale);
          titles.add(await page.title());
          // Every page's footer links to the accessibility statement, in the page's language.
          await expect(page.locator('footer a').getAttribute('href')).resolves.toBe(inLocale('/dashboard/tilgjengelighet', locale));
          const texts = await page.evaluate(() => {
            const all: string[] = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            // Not a chart's own labels: they are the graph's names (a programme's, lines of it), not the page's texts.
            for (let node = walker.nextNode(); node; node = walker.nextNode())
              if (!node.parentElement?.closest('svg')) all.push((node.textContent ?? '').trim());
            for (const element of document.querySelectorAll('[aria-label], [title]'))
              all.push(element.getAttribute('aria-label') ?? '', element.getAttribute('title') ?? '');
            return all.filter(Boolean);
          });
          expect({ page: target.name, locale, foreign: texts.filter((text) => foreign.has(text)) }).toEqual({
            page: target.name,
            locale,
            foreign: [],
          });
          expect(problems).toEqual([]);
          await page.close();
        }
        expect(titles.size).toBe(PAGES.length);
      }
    });

    it('switches language from any page and keeps it in the URL through every link, so a shared link opens in it', async () => {
      const overview = PAGES[0]!;
      const { page, problems } = await open(overview);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nb');
      await page.locator('nav.languages a', { hasText: 'Nynorsk' }).click();
      await page.waitForURL(/\?lang=nn$/);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nn');
      await expect(page.locator('nav.menu').innerText()).resolves.toContain(MESSAGES.nn['nav.counties']);
      // Through the menu: the counties in nynorsk.
      await page.locator('nav.menu a', { hasText: MESSAGES.nn['nav.counties'] }).click();
      await page.waitForURL(/\/dashboard\/counties\?lang=nn$/);
      await expect(page.locator('main h1').innerText()).resolves.toBe(MESSAGES.nn['counties.heading']);
      // Through a cluster's link on the overview, and back by the brand.
      await page.locator('header .brand a').click();
      await page.waitForURL(/\/dashboard\/\?lang=nn$/);
      await page.locator('section[data-operation="ClusterList"] a', { hasText: /^NCE Raufoss$/ }).click();
      await page.waitForURL(/\/dashboard\/clusters\/nce-raufoss\?lang=nn$/);
      await page.locator('section[data-operation="ClusterProfile"] table').first().waitFor();
      // A value the graph does not know, in nynorsk (NCE Raufoss's level today is not known).
      await expect(page.locator('section[data-operation="ClusterProfile"] table').first().innerText()).resolves.toContain(
        MESSAGES.nn['value.notKnown'],
      );
      // To English on the cluster page: the same page, in English.
      await page.locator('nav.languages a', { hasText: 'English' }).click();
      await page.waitForURL(/\/dashboard\/clusters\/nce-raufoss\?lang=en$/);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      await expect(page.locator('section[data-operation="ClusterFunding"] h2').innerText()).resolves.toBe(MESSAGES.en['cluster.grants']);
      // And back to bokmål, the default: no parameter needed.
      await page.locator('nav.languages a', { hasText: 'Bokmål' }).click();
      await page.waitForURL(/\/dashboard\/clusters\/nce-raufoss$/);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nb');
      expect(problems).toEqual([]);
      await page.close();

      // A shared link opens in its language, from the start.
      const shared = await open(PAGES[1]!, { locale: 'en' });
      await expect(shared.page.locator('main h1').innerText()).resolves.toBe(MESSAGES.en['counties.heading']);
      await expect(shared.page.locator('nav.languages a[aria-current="true"]').innerText()).resolves.toBe('English');
      await shared.page.close();
    });

    it('formats numbers, money and dates as each language writes them', async () => {
      const { cluster } = await dashboard.ask(ClusterFundingDocument, { slug: 'nce-raufoss' });
      const grant = cluster!.grants!.find((each) => each.amountAwarded.amount === '8000000')!;
      for (const locale of LOCALES) {
        const { money, date } = formatsFor(locale);
        const { page } = await open(PAGES[2]!, { locale });
        const rows = await page
          .locator('section[data-operation="ClusterFunding"] table.grants tbody tr')
          .evaluateAll((all) => all.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));
        expect(rows).toContainEqual([
          date(grant.awardDate, grant.awardDatePrecision),
          grant.programme.name,
          money(grant.amountAwarded),
          money(grant.amountPaid),
        ]);
        await page.close();
      }
      expect(formatsFor('nb').money({ amount: '8000000', currency: 'NOK' })).toMatch(/^8\s000\s000\skr$/u);
      expect(formatsFor('nn').money({ amount: '8000000', currency: 'NOK' })).toMatch(/^8\s000\s000\skr$/u);
      expect(formatsFor('en').money({ amount: '8000000', currency: 'NOK' })).toMatch(/^NOK\s8,000,000$/u);
      expect(formatsFor('en').share(0.425)).toBe('42.5%');
      expect(formatsFor('nb').share(0.425)).toMatch(/^42,5\s%$/u);
    });

    it('names the unit on every chart’s axis and in its tooltips', async () => {
      const { t } = formatsFor('nb');
      const { page } = await open(PAGES[0]!);
      const axisNames: Record<string, string> = {
        SupportByYear: t('unit.millionKroner'),
        ApplicationFunnel: t('unit.applications'),
        ClustersByLevel: t('unit.clusters'),
        SupportSeries: t('unit.millionKroner'),
        FunnelByYear: t('unit.applications'),
        LevelsOverTime: t('unit.clusters'),
      };
      for (const [operation, unit] of Object.entries(axisNames)) {
        for (const chart of await page.locator(`section[data-operation="${operation}"] .chart`).all()) {
          await expect(chart.locator('svg text').allTextContents()).resolves.toContain(unit);
        }
      }
      // Hovering a chart (scrolled into view first: a pointer outside the window hovers nothing)
      // shows its tooltip, which gives the value with its unit: kroner in full, clusters counted.
      const tooltips: [string, RegExp][] = [
        ['SupportByYear', /\d\skr/u],
        ['ClustersByLevel', /\d\sklynger?\b/u],
      ];
      for (const [operation, tooltip] of tooltips) {
        const chart = page.locator(`section[data-operation="${operation}"] .chart`);
        await chart.hover();
        await waitFor(`the ${operation} tooltip`, async () => tooltip.test(await chart.innerText()), { timeoutMs: 5_000, intervalMs: 50 });
      }
      await page.close();
    });

    it('says "0 av 300 selskaper" in full: at 1,400 px no table is cut', async () => {
      const { count, t } = formatsFor('nb');
      const { cluster } = await dashboard.ask(ClusterProgrammesDocument, { slug: 'nce-raufoss' });
      const programme = cluster!.hostedProgrammes!.find((each) => each.reach.targetCompanies === 300)!;
      const { page } = await open(PAGES[2]!);
      const row = page.locator('section[data-operation="ClusterProgrammes"] tbody tr', { hasText: programme.name });
      await expect(row.locator('td').last().innerText()).resolves.toBe(
        t('cluster.reachOfTarget', { reached: count(programme.reach.companiesReached), target: 300 }),
      );
      for (const target of PAGES) {
        const { page: each } = await open(target);
        const cut = await each
          .locator('.scroll-region')
          .evaluateAll((regions) =>
            regions.filter((region) => region.scrollWidth > region.clientWidth + 1).map((region) => region.textContent?.slice(0, 60)),
          );
        expect({ page: target.name, cut }).toEqual({ page: target.name, cut: [] });
        await each.close();
      }
      await page.close();
    });
  });

  describe('accessible (item 6)', () => {
    it('axe-core finds no violation of any impact on any dashboard page, in each language, at desktop and phone width', async () => {
      for (const target of PAGES) {
        for (const [locale, viewport] of [
          ['nb', DESKTOP],
          ['nb', PHONE],
          ['nn', DESKTOP],
          ['en', DESKTOP],
        ] as const) {
          const { page } = await open(target, { locale, viewport });
          expect({ page: target.name, locale, viewport, violations: await axeViolations(page) }).toEqual({
            page: target.name,
            locale,
            viewport,
            violations: [],
          });
          await page.close();
        }
      }
    });

    it('axe-core finds no violation on the gateway’s pages for people: GraphiQL, the event catalogue and its 404', async () => {
      const graphiql = await openGatewayPage('/graphql');
      await graphiqlDrawn(graphiql.page);
      for (const { name, page } of [
        { name: 'GraphiQL', page: graphiql.page },
        { name: 'catalogue', page: (await openGatewayPage('/catalogue')).page },
        { name: 'gateway 404', page: (await openGatewayPage('/no-such-page')).page },
      ]) {
        await expect(page.evaluate(() => [document.title !== '', document.documentElement.lang !== ''])).resolves.toEqual([true, true]);
        expect({ page: name, violations: await axeViolations(page) }).toEqual({ page: name, violations: [] });
        await page.close();
      }
      expect(graphiql.problems).toEqual([]);
    });

    it('answers a browser at an unknown address with a page for people, and other clients with JSON', async () => {
      const forPeople = await fetch(new URL('/no-such-page', gateway), { headers: { accept: 'text/html' } });
      expect(forPeople.status).toBe(404);
      expect(forPeople.headers.get('content-type')).toMatch(/^text\/html/);
      const forPrograms = await fetch(new URL('/no-such-page', gateway), { headers: { accept: 'application/json' } });
      expect(forPrograms.status).toBe(404);
      expect(await forPrograms.json()).toEqual({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
    });

    it('reaches every link and button of every page by Tab, each with a visible focus', async () => {
      const walks = [];
      for (const target of PAGES) {
        const { page } = await open(target);
        walks.push({ page: target.name, ...(await tabThrough(page)) });
        await page.close();
      }
      for (const address of ['/graphql', '/catalogue', '/no-such-page']) {
        const { page } = await openGatewayPage(address);
        if (address === '/graphql') await graphiqlDrawn(page);
        walks.push({ page: address, ...(await tabThrough(page)) });
        await page.close();
      }
      for (const walk of walks) {
        expect(walk.focusable.length).toBeGreaterThan(0);
        expect({ page: walk.page, unreached: walk.unreached, unmarked: walk.unmarked }).toEqual({
          page: walk.page,
          unreached: [],
          unmarked: [],
        });
      }
      // The first stop skips the menus, straight to the page.
      expect(walks[0]!.focusable[0]).toBe(`a: ${MESSAGES.nb['app.skipToContent']}`);
    });

    it('gives every chart a text alternative: its name, and the table of its figures beside it', async () => {
      for (const target of PAGES) {
        const { page } = await open(target);
        const charts = await page.locator('.chart').evaluateAll((all) =>
          all.map((chart) => {
            const table = document.getElementById(chart.getAttribute('aria-describedby') ?? '');
            return {
              role: chart.getAttribute('role'),
              named: (chart.getAttribute('aria-label') ?? '').length > 0,
              table: table?.tagName.toLowerCase(),
              rows: table?.querySelectorAll('tbody tr').length ?? 0,
            };
          }),
        );
        for (const chart of charts) expect(chart).toEqual({ role: 'img', named: true, table: 'table', rows: expect.any(Number) as number });
        await page.close();
      }
    });

    it('has an accessibility statement saying what was tested and how, and how to report a problem', async () => {
      const { page } = await open(PAGES.find((target) => target.name === 'accessibility-statement')!);
      const text = await page.locator('main').innerText();
      expect(text).toContain('axe-core');
      expect(text).toContain('WCAG 2.1');
      expect(text).toMatch(/tastatur/i);
      expect(text).toContain(MESSAGES.nb['a11y.reportHeading']);
      // What did not happen is said, not claimed.
      expect(text).toContain('Vi har ikke fått gjort en manuell revisjon');
      await page.close();
    });
  });

  describe('phones and tablets (item 7)', () => {
    it('fits every page into a phone’s and a tablet’s width, charts readable and their labels apart; screenshots of each at desktop and phone width', async () => {
      for (const target of PAGES) {
        for (const [size, viewport] of [
          ['desktop', DESKTOP],
          ['tablet', TABLET],
          ['phone', PHONE],
        ] as const) {
          const { page } = await open(target, { viewport });
          const layout = await measure(page);
          expect({ page: target.name, size, ...layout }).toEqual({
            page: target.name,
            size,
            pageWidth: viewport.width,
            lowCharts: [],
            overlappingLabels: [],
            tilesOffScreen: [],
          });
          if (size !== 'tablet') await page.screenshot({ path: path.join(screenshots, `${target.name}-${size}.png`), fullPage: true });
          await page.close();
        }
      }
    });

    it('shows the whole tile map of the 15 counties on a phone', async () => {
      const { page } = await open(PAGES[1]!, { viewport: PHONE });
      await expect(page.locator('.tile').count()).resolves.toBe(15);
      const outside = await page
        .locator('.tile')
        .evaluateAll((tiles) =>
          tiles
            .filter((tile) => tile.getBoundingClientRect().right > innerWidth || tile.getBoundingClientRect().left < 0)
            .map((tile) => tile.textContent),
        );
      expect(outside).toEqual([]);
      await page.close();
    });

    it('screenshots the gateway’s pages for people at desktop and phone width', async () => {
      for (const [name, address] of [
        ['graphiql', '/graphql'],
        ['catalogue', '/catalogue'],
        ['gateway-not-found', '/no-such-page'],
      ] as const) {
        for (const [size, viewport] of [
          ['desktop', DESKTOP],
          ['phone', PHONE],
        ] as const) {
          const { page } = await openGatewayPage(address, viewport);
          if (name === 'graphiql') await graphiqlDrawn(page);
          if (name !== 'graphiql')
            expect({ name, size, width: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({
              name,
              size,
              width: viewport.width,
            });
          await page.screenshot({ path: path.join(screenshots, `${name}-${size}.png`), fullPage: true });
          await page.close();
        }
      }
    });
  });

  // Last: it takes the funding subgraph away for good.
  it('keeps a page with a part of the graph down accessible, translated and within a phone’s width', async () => {
    await dashboard.proxies.get('funding')!.close();
    for (const [locale, viewport] of [
      ['nb', DESKTOP],
      ['nb', PHONE],
      ['en', DESKTOP],
    ] as const) {
      const { page } = await open(PAGES[0]!, { locale, viewport });
      const status = page.locator('section[data-operation="SupportByYear"] .status');
      await expect(status.innerText()).resolves.toBe(
        formatsFor(locale).t('panel.unavailable', { parts: MESSAGES[locale]['subgraph.funding'] }),
      );
      expect({ locale, viewport, violations: await axeViolations(page) }).toEqual({ locale, viewport, violations: [] });
      expect(await measure(page)).toEqual({ pageWidth: viewport.width, lowCharts: [], overlappingLabels: [], tilesOffScreen: [] });
      if (locale === 'nb')
        await page.screenshot({
          path: path.join(screenshots, `overview-funding-down-${viewport === PHONE ? 'phone' : 'desktop'}.png`),
          fullPage: true,
        });
      await page.close();
    }
  });
});

/** GraphiQL draws itself in the browser: its query editor with the sample query in it, and its response pane. */
async function graphiqlDrawn(page: Page): Promise<void> {
  await page.locator('.graphiql-query-editor .CodeMirror-code', { hasText: 'NceDashboard' }).waitFor();
  await page.locator('.result-window textarea').waitFor({ state: 'attached' });
}

/**
 * How a page lays out: its width (wider than the window when anything overflows), the charts
 * lower than readable, chart labels that overlap another, and county tiles off the screen.
 */
async function measure(page: Page) {
  return page.evaluate((readable) => {
    const overlap = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    const overlappingLabels: string[] = [];
    const lowCharts: string[] = [];
    for (const chart of document.querySelectorAll<HTMLElement>('.chart')) {
      const minimum = chart.classList.contains('chart-short') ? readable.short : readable.normal;
      if (chart.getBoundingClientRect().height < minimum)
        lowCharts.push(`${chart.getAttribute('aria-label')}: ${chart.getBoundingClientRect().height} px`);
      const labels = [...chart.querySelectorAll('svg text')]
        .filter((text) => (text.textContent ?? '').trim() !== '')
        .map((text) => ({ text: text.textContent ?? '', box: text.getBoundingClientRect() }));
      for (const [index, label] of labels.entries())
        for (const other of labels.slice(index + 1))
          if (overlap(label.box, other.box))
            overlappingLabels.push(`${chart.getAttribute('aria-label')}: "${label.text}" / "${other.text}"`);
    }
    const tilesOffScreen = [...document.querySelectorAll('.tile')]
      .filter((tile) => tile.getBoundingClientRect().right > innerWidth || tile.getBoundingClientRect().left < 0)
      .map((tile) => tile.textContent ?? '');
    return { pageWidth: Math.max(document.documentElement.scrollWidth, innerWidth), lowCharts, overlappingLabels, tilesOffScreen };
  }, READABLE_CHART_HEIGHT);
}
