/**
 * Headless Debian Chromium for the browser tests (playwright-core, no browser download): one launch
 * helper that always closes the browser, and a page that may request nothing but its own origin.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const haveChromium = existsSync(CHROMIUM);

/** Headless Chromium for `use`, closed afterwards whatever happens. */
export async function withChromium(use: (browser: Browser) => Promise<void>): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  try {
    await use(browser);
  } finally {
    await browser.close();
  }
}

export async function openPage(owner: Browser | BrowserContext, url: string) {
  const page = await owner.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}

export async function openOwnOriginOnly(context: BrowserContext, url: string) {
  const origin = new URL(url).origin;
  const foreign: string[] = [];
  const seen: string[] = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    seen.push(u);
    if (u.startsWith(origin + '/')) return route.continue();
    foreign.push(u);
    return route.abort('blockedbyclient');
  });
  context.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin + '/') && !u.startsWith(`blob:${origin}/`) && !u.startsWith('data:')) foreign.push(u);
  });
  const { page, errors } = await openPage(context, url);
  return { page, errors, foreign, seen };
}
