import type { Page } from 'playwright-core';

/** What tabbing through a page found: every element that takes focus, and those Tab did not reach or did not show. */
export interface TabWalk {
  /** Each element a keyboard user can reach, as "tag: text". */
  readonly focusable: readonly string[];
  /** Those pressing Tab never reached. */
  readonly unreached: readonly string[];
  /** Those reached without a visible focus indicator (no outline, no box-shadow, or nothing on screen). */
  readonly unmarked: readonly string[];
}

/**
 * Tabs through the page from its start, as a keyboard user does, until focus comes round again,
 * and compares what it reached with every element that takes focus by Tab (links, buttons,
 * summaries, form fields, anything with tabindex >= 0) that is shown.
 */
export async function tabThrough(page: Page): Promise<TabWalk> {
  const focusable = await page.evaluate(() => {
    const selector =
      'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, iframe, [tabindex]';
    const candidates = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (element) =>
        element.tabIndex >= 0 &&
        !element.closest('[inert], [hidden]') &&
        element.getClientRects().length > 0 &&
        getComputedStyle(element).visibility !== 'hidden' &&
        // A summary's contents take no focus while its details are closed; a hidden CodeMirror input does.
        !(element.closest('details:not([open])') && !element.matches('summary')),
    );
    candidates.forEach((element, index) => (element.dataset.tabStop = String(index)));
    return candidates.map(
      (element) =>
        `${element.tagName.toLowerCase()}: ${(element.textContent ?? '').trim().slice(0, 60) || element.getAttribute('aria-label') || ''}`,
    );
  });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const reached = new Set<number>();
  const unmarked: string[] = [];
  // Each stop once, and a few more presses to come round to the first again.
  for (let press = 0; press < focusable.length + 3; press += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return undefined;
      // A focus ring (the browser's, or one of 2 px or more), or a shadow, on the element, or (an editor's hidden input) on
      // the ancestor that draws the field around it; on screen either way.
      const ringed = (candidate: Element) => {
        const style = getComputedStyle(candidate);
        const rect = candidate.getBoundingClientRect();
        // 'auto' is the browser's own focus ring (Chromium draws it 2 px wide whatever the width says).
        const outlined = style.outlineStyle === 'auto' || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2);
        return (outlined || style.boxShadow !== 'none') && rect.width > 1 && rect.height > 1;
      };
      let marked = ringed(element);
      for (let ancestor = element.parentElement, depth = 0; !marked && ancestor && depth < 4; ancestor = ancestor.parentElement, depth += 1)
        marked = ancestor.matches(':focus-within') && ringed(ancestor) && getComputedStyle(ancestor).outlineStyle !== 'none';
      return { index: element.dataset.tabStop === undefined ? -1 : Number(element.dataset.tabStop), marked };
    });
    if (!stop || stop.index < 0) continue;
    if (reached.has(stop.index)) break;
    reached.add(stop.index);
    if (!stop.marked) unmarked.push(focusable[stop.index]!);
  }
  return { focusable, unreached: focusable.filter((_, index) => !reached.has(index)), unmarked };
}
