import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { subgraphRegistry } from '@klynge/schemas';
import { freePorts, waitFor } from '@klynge/testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { count, levelName, money, share } from './format';
import type { ApplicationFunnel, ClustersByLevel, SupportByYear } from './operations/types';

const repoRoot = path.join(__dirname, '..', '..');
const artifacts = path.join(__dirname, '..', 'test-artifacts');
const operation = (name: string) => readFileSync(path.join(__dirname, 'operations', `${name}.graphql`), 'utf8');

/** Debian's Chromium, headless, as CI installs it (apt-get install -y chromium). */
const launch = () =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });

/**
 * The dashboard as a newcomer meets it: `npm start` on a fresh data folder (the embedded stack,
 * demo data: facts only), then the printed dashboard address, in a real browser.
 */
describe('the dashboard, in Chromium, on npm start', () => {
  let stack: ChildProcess;
  let output = '';
  let dashboardUrl: string;
  let graphqlUrl: string;
  let browser: Browser;
  let dataDir: string;

  const ask = async <T>(name: string): Promise<T> => {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: operation(name) }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  /** The page's console errors and uncaught exceptions, which fail a test. */
  const watch = (page: Page) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    return problems;
  };

  /** The rows of a panel's table, as text, cell by cell. */
  const rowsOf = (page: Page, operationName: string) =>
    page
      .locator(`section[data-operation="${operationName}"] table tbody tr`)
      .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'klynge-dashboard-'));
    const registry = subgraphRegistry();
    const [gateway, ...subgraphs] = await freePorts(registry.length + 1);
    const { DATABASE_URL: _database, KAFKA_BROKERS: _kafka, ...inherited } = process.env;
    stack = spawn(process.execPath, [path.join(repoRoot, 'packages', 'stack', 'dist', 'main.js')], {
      cwd: repoRoot,
      env: {
        ...inherited,
        KLYNGE_DATA_DIR: dataDir,
        PORT: String(gateway),
        // npm start's <NAME>_PORT for each subgraph, free ones here.
        ...Object.fromEntries(
          registry.map(({ name }, index) => [`${name.toUpperCase().replace(/-/g, '_')}_PORT`, String(subgraphs[index])]),
        ),
      },
    });
    stack.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    stack.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    dashboardUrl = await waitFor(
      'npm start to print the dashboard address',
      () => {
        if (stack.exitCode !== null) throw new Error(`the stack exited with ${stack.exitCode}:\n${output}`);
        return /Dashboard:\s+(\S+)/.exec(output)?.[1];
      },
      { timeoutMs: 240_000, intervalMs: 100 },
    );
    graphqlUrl = /GraphQL and GraphiQL:\s+(\S+)/.exec(output)![1]!;
    mkdirSync(artifacts, { recursive: true });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    if (stack && stack.exitCode === null) {
      const exited = once(stack, 'exit');
      stack.kill('SIGINT');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the overview with the figures the graph answers, formatted for Norwegian readers', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const problems = watch(page);
    await page.goto(dashboardUrl);
    await page.locator('section.panel-ready').nth(2).waitFor({ timeout: 30_000 });

    const support = await ask<SupportByYear>('SupportByYear');
    expect(support.fundingBreakdown.length).toBeGreaterThan(0);
    expect(await rowsOf(page, 'SupportByYear')).toEqual(
      support.fundingBreakdown.map((year) => [year.label, count(year.grants), money(year.granted), money(year.paid)]),
    );

    const { applicationFunnel: funnel } = await ask<ApplicationFunnel>('ApplicationFunnel');
    expect(await rowsOf(page, 'ApplicationFunnel')).toEqual([
      ['Applied', count(funnel.applied)],
      ['Granted', count(funnel.granted)],
      ['Rejected', count(funnel.rejected)],
      ['Success rate', share(funnel.successRate)],
      ['Requested', money(funnel.requested)],
      ['Awarded', money(funnel.awarded)],
    ]);

    const { clusterCounts } = await ask<ClustersByLevel>('ClustersByLevel');
    expect(clusterCounts.total).toBeGreaterThan(0);
    expect(await rowsOf(page, 'ClustersByLevel')).toEqual([
      ...clusterCounts.byLevel.map((entry) => [levelName(entry.level), count(entry.clusters)]),
      ['Level not known today', count(clusterCounts.levelUnknown)],
      ['All clusters', count(clusterCounts.total)],
    ]);
    // Money with thousands separators, as NOK: "8 000 000 kr" (nb-NO groups with a narrow no-break space).
    expect(money({ amount: '8000000', currency: 'NOK' })).toMatch(/^8\s000\s000\skr$/u);

    // Each chart is drawn (SVG, one bar per value at least), beside its table.
    for (const name of ['SupportByYear', 'ApplicationFunnel', 'ClustersByLevel']) {
      expect(await page.locator(`section[data-operation="${name}"] .chart svg path`).count()).toBeGreaterThan(0);
    }
    await page.screenshot({ path: path.join(artifacts, 'overview.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("has each figure's source query one click away", async () => {
    const page = await browser.newPage();
    await page.goto(dashboardUrl);
    const panel = page.locator('section[data-operation="SupportByYear"]');
    await panel.locator('summary', { hasText: 'Source query' }).click();
    await expect(panel.locator('pre').innerText()).resolves.toBe(operation('SupportByYear').trim());
    await page.close();
  });

  it('answers a bookmarked address under /dashboard/ with the app, and /dashboard with a redirect', async () => {
    const deep = await fetch(new URL('counties', dashboardUrl));
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    const bare = await fetch(dashboardUrl.replace(/\/$/, ''), { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/dashboard/');
  });
});
