import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

// axe-core's browser build, from node_modules: injected into the page under test, so nothing is fetched.
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One rule a page breaks, with the elements that break it (their selectors), as a failing test prints it. */
export interface Violation {
  readonly rule: string;
  readonly impact: string | null;
  readonly help: string;
  readonly elements: readonly string[];
}

/**
 * What axe-core finds wrong with the page as it is now: every rule it runs by default (WCAG 2.0,
 * 2.1 and 2.2 at A and AA, and its best practices; not the experimental ones), of any impact.
 * Evaluated through the DevTools protocol, so the page's Content-Security-Policy (scripts only
 * from the gateway) does not block it, and the page is checked as served.
 */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run(
          context: Document,
          options: object,
        ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
      };
    };
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      elements: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  });
}
