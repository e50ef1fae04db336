import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { CLIENT_HEADERS } from '../../shared/api/client-header';
import { checkPage, overflowingPages } from './page-check';

export { checkPage } from './page-check';

/** Flags that keep headless Chromium quiet on a closed network (STYLE.md "Known traps"). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless Chromium with a fresh profile, and everything its pages reported as an error. */
export interface TestBrowser {
  readonly context: BrowserContext;
  /** Console errors (CSP violations included), uncaught page errors and failed requests, with the page's URL. */
  readonly problems: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

function watch(page: Page, problems: string[]): void {
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || (message.type() === 'warning' && /Content Security Policy|Refused to/i.test(message.text()))) {
      problems.push(`console ${message.type()} on ${page.url()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
}

/** Launches Debian's Chromium (or CHROMIUM_PATH) headless with a temporary user-data dir. */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'merit-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'en-GB',
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  const problems: string[] = [];
  for (const page of context.pages()) watch(page, problems);
  context.on('page', (page) => watch(page, problems));
  return {
    context,
    problems,
    async newPage() {
      const existing = context.pages().find((p) => p.url() === 'about:blank');
      return existing ?? context.newPage();
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The local stack's base URL (test/setup/local-stack.ts). */
export const baseUrl = () => inject('baseUrl');

/**
 * One browser for a test file: launched before its tests (after checking the
 * site is built), closed after them. Call at the top level of the file.
 */
export function useBrowser(): () => TestBrowser {
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    const res = await fetch(`${baseUrl()}/`);
    if (res.status !== 200) throw new Error('web/dist is not built: run `npx tsx infra/build.ts site` (npm test builds it first)');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  // checkPage() records a page wider than its viewport and goes on: the test fails here, naming every such page.
  afterEach(() => {
    const pages = overflowingPages.splice(0);
    expect(pages, `pages wider than the viewport (page-level horizontal overflow):\n${pages.join('\n')}`).toEqual([]);
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet');
    return browser;
  };
}

/**
 * Runs a browser step and checks the page it leaves; when either fails, the error says what the page showed and what
 * the browser reported. `const explained = explainer(browser);` at the top of a test file.
 */
export function explainer(browser: () => TestBrowser): (page: Page, step: () => Promise<void>) => Promise<void> {
  return async (page, step) => {
    try {
      await step();
      await checkPage(page);
    } catch (error) {
      const shown = await page.locator('main').innerText().catch(() => '(no page)');
      throw new Error(`${(error as Error).message}\n--- page ${page.url()} ---\n${shown.slice(0, 3000)}\n--- browser problems ---\n${browser().problems.join('\n')}`);
    }
  };
}

/** The newest link with a token mailed to an address (the outbox lists newest first). */
export async function latestLink(email: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/dev/outbox.json`);
  const { messages } = (await res.json()) as { messages: { to: string; links: string[] }[] };
  const link = messages.filter((m) => m.to === email).flatMap((m) => m.links).find((l) => l.includes('#token='));
  if (!link) throw new Error(`no link mailed to ${email}`);
  return link;
}

/** Signs `page` in as `email` the way people do: asks for a link (as /sign-in does) and opens it from the outbox. */
export async function signInAs(page: Page, email: string): Promise<void> {
  const asked = await fetch(`${baseUrl()}/api/submission/auth/links`, { method: 'POST', headers: { ...CLIENT_HEADERS, 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
  if (asked.status !== 202) throw new Error(`a sign-in link for ${email} was refused: ${asked.status} ${await asked.text()}`);
  await page.goto(await latestLink(email));
}
