import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { subgraphRegistry } from '@klynge/schemas';
import { type CountingProxy, freePorts, startCountingProxy, waitFor } from '@klynge/test-infrastructure';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type Operation, operationName } from '../operations';

const repoRoot = path.join(__dirname, '..', '..', '..');
const artifacts = path.join(__dirname, '..', '..', 'test-artifacts');

/** How long npm start may take to say where the dashboard is. */
const NPM_START_DEADLINE_MS = 240_000;
/** How long a suite's setup may take: npm start, then Chromium. */
export const DASHBOARD_SETUP_TIMEOUT_MS = NPM_START_DEADLINE_MS + 60_000;

/** A browser window's size in CSS pixels. */
export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export interface DashboardUnderTest {
  readonly dashboardUrl: string;
  readonly graphqlUrl: string;
  readonly browser: Browser;
  /** The TCP proxy in front of each subgraph asked for in `proxied`: closing one takes that subgraph away. */
  readonly proxies: ReadonlyMap<string, CountingProxy>;
  /** What the gateway answers to one of the dashboard's operations, sent as the dashboard sends it: by hash. */
  ask<Result, Variables>(document: Operation<Result, Variables>, variables?: Variables): Promise<Result>;
  /** Opens a page of the dashboard (1280x1000 unless `viewport` says), and waits until at least `panels` panels have answered and none is loading. */
  open(address: string, panels: number, viewport?: Viewport): Promise<{ page: Page; problems: string[] }>;
  /** Saves a screenshot of the whole page as a test artifact (dashboard/test-artifacts/<name>.png). */
  screenshot(page: Page, name: string): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * The dashboard as a newcomer meets it: `npm start` (packages/graph-runner/dist/main.js) on a fresh data
 * folder with `env` added, on free ports, then the printed dashboard address in Debian's Chromium,
 * headless, as CI installs it (apt-get install -y chromium).
 */
export async function startDashboardUnderTest({
  env = {},
  proxied = [],
}: { env?: Record<string, string>; proxied?: readonly string[] } = {}): Promise<DashboardUnderTest> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'klynge-dashboard-'));
  // The built dashboard, copied: CI runs other workspaces' tests beside this one, and a build among
  // them rewrites dashboard/dist, so that the gateway answered an index page it could not read (404).
  const dashboardDir = path.join(dataDir, 'dashboard');
  cpSync(path.join(repoRoot, 'dashboard', 'dist'), dashboardDir, { recursive: true });
  if (!existsSync(path.join(dashboardDir, 'index.html'))) throw new Error('dashboard/dist has no index.html: build the dashboard first');
  const registry = subgraphRegistry();
  const [gateway, ...subgraphs] = await freePorts(registry.length + 1);
  const variable = (name: string, suffix: string) => `${name.toUpperCase().replace(/-/g, '_')}_${suffix}`;
  const port = (name: string) => subgraphs[registry.findIndex((entry) => entry.name === name)]!;
  const proxies = new Map<string, CountingProxy>();
  for (const name of proxied) proxies.set(name, await startCountingProxy(`http://127.0.0.1:${port(name)}/graphql`));
  const { DATABASE_URL: _database, KAFKA_BROKERS: _kafka, ...inherited } = process.env;
  const stack: ChildProcess = spawn(process.execPath, [path.join(repoRoot, 'packages', 'graph-runner', 'dist', 'main.js')], {
    cwd: repoRoot,
    env: {
      ...inherited,
      KLYNGE_DATA_DIR: path.join(dataDir, 'data'),
      DASHBOARD_DIR: dashboardDir,
      PORT: String(gateway),
      // npm start's <NAME>_PORT for each subgraph, free ones here; <NAME>_URL where a proxy stands in front.
      ...Object.fromEntries(registry.map(({ name }) => [variable(name, 'PORT'), String(port(name))])),
      ...Object.fromEntries([...proxies].map(([name, proxy]) => [variable(name, 'URL'), proxy.url])),
      ...env,
    },
  });
  let output = '';
  stack.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  stack.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    if (stack.exitCode === null) {
      const exited = once(stack, 'exit');
      stack.kill('SIGINT');
      await exited;
    }
    for (const proxy of proxies.values()) await proxy.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const dashboardUrl = await waitFor(
      'npm start to print the dashboard address',
      () => {
        if (stack.exitCode !== null) throw new Error(`the stack exited with ${stack.exitCode}:\n${output}`);
        return /Dashboard:\s+(\S+)/.exec(output)?.[1];
      },
      { timeoutMs: NPM_START_DEADLINE_MS, intervalMs: 100 },
    );
    const graphqlUrl = /GraphQL and GraphiQL:\s+(\S+)/.exec(output)![1]!;
    mkdirSync(artifacts, { recursive: true });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const opened = browser;
    return {
      dashboardUrl,
      graphqlUrl,
      browser: opened,
      proxies,
      async ask<Result, Variables>(document: Operation<Result, Variables>, variables?: Variables): Promise<Result> {
        const response = await fetch(graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            operationName: operationName(document),
            variables: variables ?? {},
            extensions: { persistedQuery: { version: 1, sha256Hash: document.__meta__!.hash!.replace(/^sha256:/, '') } },
          }),
        });
        const body = (await response.json()) as { data: Result; errors?: unknown[] };
        if (body.errors) throw new Error(`${operationName(document)}: ${JSON.stringify(body.errors)}`);
        return body.data;
      },
      async open(address: string, panels: number, viewport: Viewport = { width: 1280, height: 1000 }) {
        const page = await opened.newPage({ viewport });
        const problems = watch(page);
        await page.goto(new URL(address, dashboardUrl).toString());
        try {
          await waitFor(
            `${panels} panels on /dashboard/${address} to answer`,
            async () =>
              (await page.locator('section.panel[aria-busy="false"]').count()) >= panels &&
              (await page.locator('section.panel[aria-busy="true"]').count()) === 0,
            // Generous: CI runs this beside other workspaces' tests, on two cores.
            { timeoutMs: 90_000, intervalMs: 100 },
          );
        } catch (error) {
          // What the page shows and what is still asking, what went wrong in it, and what the stack
          // said last: a page that never shows its panels is read from CI's log.
          const shown = await page.evaluate(() => ({
            url: window.location.href,
            panels: [...document.querySelectorAll('section.panel')].map(
              (section) => `${section.getAttribute('data-operation')} ${section.className} busy=${section.getAttribute('aria-busy')}`,
            ),
            text: (document.body?.innerText ?? '').slice(0, 400),
          }));
          const said = output.split('\n').filter((line) => /"level":(40|50|60)|warn|error/i.test(line));
          throw new Error(
            `${(error as Error).message}; the page: ${JSON.stringify(shown)}; its problems: ${JSON.stringify(problems)}; ` +
              `the stack's last warnings:\n${said.slice(-20).join('\n')}`,
            { cause: error },
          );
        }
        return { page, problems };
      },
      screenshot: (page: Page, name: string) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The page's console errors, uncaught exceptions and failed requests, which fail a test. */
export function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

/** The rows of a table in a panel, as text, cell by cell. */
export const rowsOf = (page: Page, operation: string, table = 'table') =>
  page
    .locator(`section[data-operation="${operation}"] ${table} tbody tr`)
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));
