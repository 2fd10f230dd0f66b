// Real browser: the console as an admin sees it, on a desktop and a phone screen. axe-core finds no
// serious or critical accessibility violation on any page; the texts are Vietnamese (audit actions,
// history lines, error messages), days read dd/mm/yyyy, long procedure names are not cut, the page body
// has no focus frame while controls keep theirs, the password rule is shown before typing, and removing
// or locking anything asks first. Screenshots of every page at both sizes are kept.
import type { Page } from 'playwright-core';
import type { AnalyticsEvent } from '../../src/store/ports';
import {
  addStaff,
  dropFixture,
  fixture,
  Staff,
  startConsole,
  PASSWORD,
  type ConsoleServer,
  type Fixture,
} from '../admin/support';
import { codeNo } from '../dossiers/fixtures';
import {
  axeViolations,
  describeBrowser,
  horizontalOverflow,
  launch,
  screenshot,
  signIn,
  watch,
  type Browser,
} from './admin-browser';

jest.setTimeout(180_000);

const PAGES = [
  ['dashboard', '#/', 'Tổng quan'],
  ['dossiers', '#/dossiers', 'Hồ sơ'],
  ['inbox', '#/inbox', 'Câu hỏi chưa trả lời được'],
  ['knowledge', '#/knowledge', 'Thủ tục'],
  ['procedure', '#/knowledge/khai-sinh', 'Đăng ký khai sinh'],
  ['handoffs', '#/handoffs', 'Gặp cán bộ'],
  ['outbox', '#/outbox', 'Tin trả lời chưa gửi được'],
  ['staff', '#/staff', 'Tài khoản cán bộ'],
  ['audit', '#/audit', 'Nhật ký thay đổi'],
] as const;
const VIEWPORTS = { desktop: { width: 1280, height: 860 }, phone: { width: 390, height: 844 } };
const DD_MM_YYYY = /^\d\d\/\d\d\/\d{4}/;

describeBrowser('staff console (accessibility and wording)')(
  'staff console in a real browser: accessible, Vietnamese, confirmations',
  () => {
    let f: Fixture;
    let srv: ConsoleServer;
    let browser: Browser;

    beforeAll(async () => {
      f = await fixture();
      await addStaff(f.stores, 'boss', 'admin');
      await addStaff(f.stores, 'lan', 'editor');
      const now = new Date();
      // Today's questions, the longest procedure names among them (they used to be cut on the chart).
      const asked: Array<[string, number]> = [
        ['trich-luc-ho-tich', 5],
        ['dat-dai', 4],
        ['cai-chinh-ho-tich', 3],
        ['khai-sinh', 2],
      ];
      for (const [procedure, n] of asked) {
        for (let i = 0; i < n; i++) {
          const e: AnalyticsEvent = {
            type: 'answer',
            channel: 'zalo',
            intent: 'procedure',
            procedure,
            aspect: 'fee',
            commune: null,
            at: now,
          };
          await f.stores.analytics.record(e);
        }
      }
      await f.stores.dossiers.upsert({
        code: codeNo(3),
        procedureId: 'khai-sinh',
        applicantName: 'Trần Thị Bình',
        phone: null,
        receivedAt: now,
        dueAt: new Date(now.getTime() + 3 * 86_400_000),
        status: 'processing',
        reason: null,
        note: null,
        history: [{ status: 'processing', at: now, note: null }],
        updatedAt: now,
      });
      srv = await startConsole(f);
      // One published version: the late-registration fee goes from 8000 to 10000.
      const lan = await Staff.signedIn(srv.url, 'lan');
      const { procedure } = (await lan.get('/knowledge/procedures/khai-sinh')).body;
      procedure.fee.items[1].vnd = 10000;
      const put = await lan.put('/knowledge/procedures/khai-sinh', { procedure, baseVersion: 0 });
      expect(put.status).toBe(200);
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
      await srv?.stop();
      if (f) await dropFixture(f);
    });

    // Every test starts signed out (the browser profile is shared).
    beforeEach(() => browser.context.clearCookies());

    async function open(page: Page, hash: string, title: string): Promise<void> {
      await page.goto(`${srv.url}/admin${hash}`);
      await page.locator('#view h1', { hasText: title }).first().waitFor();
      await page.waitForLoadState('networkidle');
    }

    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      it(`${size}: every page without serious accessibility violations, screenshots kept`, async () => {
        const page = await browser.context.newPage();
        await page.setViewportSize(viewport);
        const seen = watch(page);
        await page.goto(`${srv.url}/admin`);
        await page.locator('#username').waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, `login-${size}`);
        await signIn(page, srv.url, 'boss', PASSWORD);
        for (const [name, hash, title] of PAGES) {
          await open(page, hash, title);
          expect({ page: name, violations: await axeViolations(page) }).toEqual({
            page: name,
            violations: [],
          });
          expect({ page: name, overflow: await horizontalOverflow(page) }).toEqual({
            page: name,
            overflow: 0,
          });
          await screenshot(page, `${name}-${size}`, true);
        }
        expect([...seen.errors, ...seen.dialogs]).toEqual([]);
        await page.close();
      });
    }

    it('dashboard: long names wrapped, not cut; days dd/mm; the page body shows no focus frame, controls do', async () => {
      const page = await browser.context.newPage();
      await signIn(page, srv.url, 'boss', PASSWORD);
      await open(page, '#/', 'Tổng quan');
      await page.locator('#chart-procedures').waitFor();
      const chart = await page.evaluate(() => {
        const axes = (id: string) => {
          // chart.js keeps each chart on its canvas; the labels it draws and where the y axis starts.
          const c = (window as unknown as { Chart: { getChart(id: string): any } }).Chart.getChart(id);
          return { labels: c.data.labels as unknown[], left: c.scales.y.left as number };
        };
        return { procedures: axes('chart-procedures'), lookups: axes('chart-lookups') };
      });
      const names = chart.procedures.labels.map((l) => (l as string[]).join(' '));
      expect(names).toContain('Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh');
      for (const l of chart.procedures.labels)
        for (const line of l as string[]) expect(line.length).toBeLessThanOrEqual(26);
      expect(chart.procedures.left).toBeGreaterThanOrEqual(0);
      for (const d of chart.lookups.labels) expect(d).toMatch(/^\d\d\/\d\d$/);

      const view = await page.evaluate(() => {
        const v = document.getElementById('view')!;
        return { focused: document.activeElement === v, outline: getComputedStyle(v).outlineStyle };
      });
      expect(view).toEqual({ focused: true, outline: 'none' });
      await page.keyboard.press('Tab');
      const control = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return { tag: el.tagName, outline: getComputedStyle(el).outlineStyle };
      });
      expect(control.outline).toBe('solid');

      // A refused range: the server's reason, in Vietnamese, in the page.
      await page.fill('#from', '10/01/2026');
      await page.fill('#to', '01/01/2026');
      await page.getByRole('button', { name: 'Xem' }).click();
      await page.locator('.errors', { hasText: 'Khoảng ngày chưa hợp lệ' }).waitFor();
      // Days are typed dd/mm/yyyy whatever language the browser speaks; a slip is said in Vietnamese.
      await page.fill('#to', '2026-01-01');
      await page.getByRole('button', { name: 'Xem' }).click();
      await page.locator('.errors', { hasText: 'Ngày cần viết dạng dd/mm/yyyy' }).waitFor();
      await page.close();
    });

    it('a file field says "Chọn tệp…" and the chosen name in Vietnamese, whatever the browser speaks', async () => {
      const page = await browser.context.newPage();
      await signIn(page, srv.url, 'boss', PASSWORD);
      await open(page, '#/dossiers', 'Hồ sơ');
      const field = page.locator('#dossier-file + label + span');
      expect(await page.locator('label[for="dossier-file"]').innerText()).toBe('Chọn tệp…');
      expect(await field.innerText()).toBe('Chưa chọn tệp');
      await page.setInputFiles('#dossier-file', {
        name: 'ho-so-thang-12.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Mã hồ sơ\n'),
      });
      expect(await field.innerText()).toBe('ho-so-thang-12.csv');
      await page.close();
    });

    it('audit and history read in Vietnamese with dd/mm/yyyy dates', async () => {
      const page = await browser.context.newPage();
      await signIn(page, srv.url, 'boss', PASSWORD);
      await open(page, '#/audit', 'Nhật ký thay đổi');
      const login = page.locator('#audit td[data-action="staff.login"]').first();
      expect(await login.innerText()).toBe('Đăng nhập');
      expect(await page.locator('#audit td[data-action="knowledge.publish"]').first().innerText()).toBe(
        'Xuất bản thủ tục',
      );
      expect(await page.locator('#audit tbody tr td').first().innerText()).toMatch(DD_MM_YYYY);

      await open(page, '#/knowledge/khai-sinh', 'Đăng ký khai sinh');
      await page.locator('#history li[data-version="1"]').scrollIntoViewIfNeeded();
      await screenshot(page, 'history-lines');
      const line = page.locator('#history li[data-version="1"] .diff li').first();
      expect(await line.innerText()).toBe('Lệ phí › Mức lệ phí 2 › Số tiền: đổi “8000” → “10000”');
      expect(await page.locator('#history li[data-version="1"] .muted').first().innerText()).toMatch(
        DD_MM_YYYY,
      );
      await page.close();
    });

    it('the password rule is shown before typing; locking an account and removing a line ask first', async () => {
      const page = await browser.context.newPage();
      await signIn(page, srv.url, 'boss', PASSWORD);
      await open(page, '#/staff', 'Tài khoản cán bộ');
      const rule = page.locator('#password-rule');
      expect(await rule.isVisible()).toBe(true);
      expect(await rule.innerText()).toContain('Ít nhất 10 ký tự');
      expect(await page.getAttribute('#new-password', 'aria-describedby')).toBe('password-rule');

      const row = page.locator('#accounts tr', { hasText: 'lan' });
      await row.getByRole('button', { name: 'Khóa' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain('Khóa tài khoản lan?');
      await screenshot(page, 'confirm-lock');
      await dialog.getByRole('button', { name: 'Thôi' }).click();
      expect(await dialog.count()).toBe(0);
      expect((await f.stores.staff.get('lan'))?.disabled).toBe(false);
      await row.getByRole('button', { name: 'Khóa' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Khóa tài khoản' }).click();
      await page
        .locator('#accounts tr', { hasText: 'lan' })
        .locator('.badge', { hasText: 'Đã khóa' })
        .waitFor();
      expect((await f.stores.staff.get('lan'))?.disabled).toBe(true);

      await open(page, '#/knowledge/khai-sinh', 'Đăng ký khai sinh');
      const lines = page.locator('textarea[data-path^="documents.submit."]');
      const before = await lines.count();
      const remove = page
        .locator('[data-path="documents.submit"]')
        .getByRole('button', { name: 'Xóa dòng 1' });
      await remove.click();
      await page.getByRole('dialog').getByRole('button', { name: 'Thôi' }).click();
      expect(await lines.count()).toBe(before);
      await remove.click();
      await page.getByRole('dialog').getByRole('button', { name: 'Xóa dòng' }).click();
      expect(await lines.count()).toBe(before - 1);
      await page.close();
    });
  },
);
