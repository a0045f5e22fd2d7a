// The web client in Debian Chromium against the real server and database (demo data loaded):
// one built client, one server and one browser per test file.
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import axe from 'axe-core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import type { Clock } from '../../server/clock';
import { loadDemoData } from '../../server/db/demo-data';
import { startApi, type TestApi } from './api';

export const SHOTS = resolve('test-results/screenshots');

export interface BrowserClient {
  api: TestApi;
  browser: BrowserContext;
  page: Page;
  /** Sign in through the login form (signing out whoever is signed in first). */
  signIn(email: string, password: string): Promise<void>;
  /** A full-page screenshot in test-results/screenshots/. */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openClient(options: { viewport?: { width: number; height: number }; clock?: Clock } = {}): Promise<BrowserClient> {
  const outDir = join(await mkdtemp(join(tmpdir(), 'bt-client-')), 'client');
  await build({ configFile: resolve('vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const api = await startApi({ solverQueue: true, clientDir: outDir, clock: options.clock });
  await loadDemoData(api.dataSource);
  await mkdir(SHOTS, { recursive: true });
  const browser = await chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), 'bt-chromium-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.on('pageerror', (err) => console.error(`browser: ${err.message}`));
  return {
    api,
    browser,
    page,
    async signIn(email, password) {
      await page.goto(api.base);
      // Signed out, or someone else still signed in: wait until the app knows which.
      await page.locator('input[name=email], button:has-text("Logga ut")').first().waitFor();
      const signOut = page.getByRole('button', { name: /Logga ut/ });
      if (await signOut.isVisible()) await signOut.click();
      await page.getByLabel('E-post').fill(email);
      await page.getByLabel('Lösenord').fill(password);
      await page.getByRole('button', { name: 'Logga in' }).click();
    },
    shot: (name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }).then(() => undefined),
    async close() {
      await browser.close();
      await api.close();
    },
  };
}

/** axe's serious and critical findings on the page as it is now (WCAG 2 A/AA), one line each. */
export async function axeProblems(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const result = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id}: ${v.help} — ${n.target.join(' ')}`));
}
