// Real-browser plumbing for the staff console tests: Debian's chromium through playwright-core, a fresh
// profile per run, sign-in as staff do it, and screenshots kept for CI's log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from '../support/assistant';

const CHROMIUM = '/usr/bin/chromium';
const available = fs.existsSync(CHROMIUM);
const SCREENSHOTS = path.join(ROOT, 'artifacts', 'screenshots');

/** describe, or describe.skip with one printed line when chromium is missing (never skipped in CI). */
export function describeBrowser(what: string): jest.Describe {
  if (available || process.env['CI'] === 'true') return describe;
  process.stdout.write(
    `e2e ${what} skipped: ${CHROMIUM} is missing (install it with: apt-get install -y chromium)\n`,
  );
  return describe.skip;
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 860 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Collects uncaught page errors and dialogs (an alert() would mean markup ran as code). */
export function watch(page: Page): { errors: string[]; dialogs: string[] } {
  const seen = { errors: [] as string[], dialogs: [] as string[] };
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  return seen;
}

export async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/admin`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('#who', { hasText: username }).waitFor();
}

/** The page as staff see it (the whole page when `fullPage`, otherwise the screen). */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `admin-${name}.png`);
  await page.screenshot({ path: file, fullPage });
  process.stdout.write(`screenshot: ${file}\n`);
}

/** No sideways scrolling at the current viewport (the console must work on a phone). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** axe-core's serious and critical violations on the page as it is now: rule, impact and where. */
export async function axeViolations(
  page: Page,
): Promise<Array<{ rule: string; impact: string; nodes: string[] }>> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source); // evaluated, not a <script>: the console's CSP allows no inline code
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact ?? '', nodes: v.nodes.map((n) => n.target.join(' ')) }));
}
