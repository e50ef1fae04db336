import type { Page } from 'playwright-core';

/** What a person must never read on a page (ARCHITECTURE.md "Tests"): an unfilled placeholder, a raw code, an ISO time. */
const TEXT_RULES: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'an unfilled {placeholder}', pattern: /\{[A-Za-z]\w*(?::[^{}]*)?\}/ },
  { name: 'a raw error code (UPPER_SNAKE) in place of a sentence', pattern: /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/ },
  { name: 'an ISO timestamp', pattern: /\d{4}-\d\d-\d\dT\d\d:\d\d/ },
];

/** Pages found wider than their viewport, collected so that one test names every such page at its end (browser.ts). */
export const overflowingPages: string[] = [];

interface PageFacts {
  readonly text: string;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  /** The elements that stick out furthest to the right, to say what makes a page too wide. */
  readonly widest: readonly string[];
}

/**
 * The check every e2e test makes on every page it visits, at its main steps: the visible text (outside the small
 * code line of an error box, `.error-meta`) holds no `{placeholder}`, no UPPER_SNAKE code and no ISO time — each
 * found problem throws at once, quoting the text — and the page is no wider than the viewport. A page that is too
 * wide is recorded in {@link overflowingPages} with its widest elements; `useBrowser()` fails the test at its end
 * listing all of them, so one run names every page that overflows rather than stopping at the first.
 */
export async function checkPage(page: Page, step = ''): Promise<void> {
  await page.waitForLoadState('domcontentloaded');
  const facts = await page.evaluate((): PageFacts => {
    let text = document.body.innerText;
    for (const meta of document.querySelectorAll<HTMLElement>('.error-meta')) text = text.split(meta.innerText).join(' ');
    const root = document.documentElement;
    const width = root.clientWidth;
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${cls} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`;
    };
    const widest =
      root.scrollWidth > width
        ? [...document.body.querySelectorAll('*')]
            .filter((el) => el.getBoundingClientRect().right > width + 1)
            // Only the outermost offenders: an element whose parent sticks out too is covered by the parent.
            .filter((el) => !(el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1))
            .slice(0, 5)
            .map(describe)
        : [];
    return { text, scrollWidth: root.scrollWidth, clientWidth: width, widest };
  });
  const where = `${new URL(page.url()).pathname}${step ? ` (${step})` : ''}`;
  for (const rule of TEXT_RULES) {
    const found = rule.pattern.exec(facts.text);
    if (found) {
      const around = facts.text.slice(Math.max(0, found.index - 60), found.index + found[0].length + 60).replace(/\s+/g, ' ');
      throw new Error(`${where} shows ${rule.name}: “${found[0]}” in “…${around}…”`);
    }
  }
  if (facts.scrollWidth > facts.clientWidth) {
    const viewport = page.viewportSize();
    overflowingPages.push(
      `${where} at ${viewport?.width ?? facts.clientWidth} px is ${facts.scrollWidth} px wide; widest: ${facts.widest.join(', ') || 'unknown'}`,
    );
  }
}
