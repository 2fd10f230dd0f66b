// Real browser: an editor changes the fee text of a procedure in the console, previews and publishes it,
// the web chat answers with the new fee at once; restoring the previous version brings the old answer back.
import type { Page } from 'playwright-core';
import {
  addStaff,
  dropFixture,
  fixture,
  PASSWORD,
  startConsole,
  type ConsoleServer,
  type Fixture,
} from '../admin/support';
import {
  describeBrowser,
  horizontalOverflow,
  launch,
  screenshot,
  signIn,
  watch,
  type Browser,
} from './admin-browser';
import { localDay } from '../../src/kb/validity';

jest.setTimeout(120_000);

const QUESTION = 'làm giấy khai sinh cho con mất bao nhiêu tiền';
const NEW_FEE =
  'Từ năm 2026 khai sinh đúng hạn và quá hạn đều miễn lệ phí <script>window.__pwned = 1</script>.';

describeBrowser('staff console (knowledge)')(
  'staff console in a real browser: edit, publish, restore',
  () => {
    let f: Fixture;
    let srv: ConsoleServer;
    let browser: Browser;
    let oldFee: string;

    beforeAll(async () => {
      f = await fixture();
      await addStaff(f.stores, 'lan', 'editor');
      srv = await startConsole(f);
      oldFee = f.assistant.knowledge.current().procedures.get('khai-sinh')!.fee.summary;
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
      await srv?.stop();
      if (f) await dropFixture(f);
    });

    async function askWebChat(chat: Page, expected: string, question = QUESTION): Promise<string> {
      const before = await chat.locator('.msg--bot').count();
      await chat.fill('#input', question);
      await chat.press('#input', 'Enter');
      const answer = chat.locator('.msg--bot:not(.msg--typing)', { hasText: expected });
      await chat.waitForFunction(
        (n) => document.querySelectorAll('.msg--bot:not(.msg--typing)').length > n,
        before,
      );
      await answer.last().waitFor({ timeout: 15_000 });
      return answer.last().innerText();
    }

    it('edit the fee, preview, publish: the web chat answers the new fee; restore: the old one again', async () => {
      const page = await browser.context.newPage();
      const seen = watch(page);
      await signIn(page, srv.url, 'lan', PASSWORD);
      await page.locator('#chart-messages').waitFor();
      await screenshot(page, 'dashboard', true);

      await page.getByRole('link', { name: 'Thủ tục' }).click();
      await page.fill('#kb-search', 'khai sinh');
      await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click();
      const fee = page.locator('textarea[data-path="fee.summary"]');
      await fee.waitFor();
      expect(await fee.inputValue()).toBe(oldFee);

      await fee.fill(NEW_FEE);
      await page.getByRole('tab', { name: 'Lệ phí' }).click();
      await page.locator('#preview .bubble', { hasText: NEW_FEE }).waitFor();
      await screenshot(page, 'procedure-editor');
      await page.fill('#publish-comment', 'Cập nhật lệ phí khai sinh');
      await page.click('#publish');
      await page.locator('#toast', { hasText: 'Đã xuất bản phiên bản 1' }).waitFor();
      await page
        .locator('#history li[data-version="1"]', { hasText: 'Lệ phí › Câu trả lời ngắn về lệ phí: đổi' })
        .waitFor();

      const chat = await browser.context.newPage();
      const chatSeen = watch(chat);
      await chat.setViewportSize({ width: 390, height: 844 });
      await chat.goto(`${srv.url}/`);
      expect(await askWebChat(chat, NEW_FEE)).toContain(NEW_FEE);

      // Restore the previous version: the content of the file on disk, before the edit.
      await page.locator('#history li[data-version="0"] button.restore').click();
      await page.locator('#toast', { hasText: 'Đã khôi phục' }).waitFor();
      await page.locator('textarea[data-path="fee.summary"]').waitFor();
      expect(await page.locator('textarea[data-path="fee.summary"]').inputValue()).toBe(oldFee);
      expect(await askWebChat(chat, oldFee)).toContain(oldFee);
      await page.locator('#history').scrollIntoViewIfNeeded();
      await screenshot(page, 'procedure-history');

      // The markup typed into the fee was shown as text everywhere and never ran.
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await chat.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect([...seen.errors, ...seen.dialogs, ...chatSeen.errors, ...chatSeen.dialogs]).toEqual([]);
    });

    it('edit an answerable unit with a validity date: its preview, the web chat answer, the review list', async () => {
      const page = await browser.context.newPage();
      const seen = watch(page);
      await page.goto(`${srv.url}/admin#/knowledge/khai-tu`);
      const answer = page.locator('textarea[data-path="units.0.answer"]');
      await answer.waitFor();
      expect(await page.locator('input[data-path="units.0.id"]').inputValue()).toBe('han-khai-tu');
      const text =
        'Dạ, phải đăng ký khai tử trong vòng 15 ngày kể từ ngày người thân mất; bản thử của bảng điều khiển.';
      await answer.fill(text);
      const until = new Date(
        Date.parse(`${localDay(new Date(), 'Asia/Ho_Chi_Minh')}T00:00:00Z`) + 5 * 86_400_000,
      )
        .toISOString()
        .slice(0, 10);
      const shown = `áp dụng đến hết ngày ${until.split('-').reverse().join('/')}`;
      // The console takes days as staff write them (dd/mm/yyyy).
      await page.fill('input[data-path="units.0.until"]', until.split('-').reverse().join('/'));
      await page.locator('#preview-unit option[value="han-khai-tu"]').waitFor({ state: 'attached' });
      await page.selectOption('#preview-unit', 'han-khai-tu');
      await page
        .locator('#preview .bubble', { hasText: 'bản thử của bảng điều khiển' })
        .filter({ hasText: shown })
        .waitFor();
      await page.locator('textarea[data-path="units.0.answer"]').scrollIntoViewIfNeeded();
      await screenshot(page, 'procedure-unit-editor');
      await page.click('#publish');
      await page.locator('#toast', { hasText: 'Đã xuất bản phiên bản' }).waitFor();

      const chat = await browser.context.newPage();
      await chat.setViewportSize({ width: 390, height: 844 });
      await chat.goto(`${srv.url}/`);
      expect(
        await askWebChat(chat, 'bản thử của bảng điều khiển', 'người nhà mất bao lâu thì phải đi khai tử'),
      ).toContain(shown);

      await page.goto(`${srv.url}/admin#/knowledge`);
      const ending = page.locator('#kb-review details[data-kind="expiring"]');
      await ending.waitFor();
      expect(await ending.innerText()).toContain('han-khai-tu');
      await ending.scrollIntoViewIfNeeded();
      await screenshot(page, 'knowledge-review');
      expect([...seen.errors, ...seen.dialogs]).toEqual([]);
    });

    it('the console fits a phone screen', async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 390, height: 844 }); // signed in already: the context keeps the cookie
      for (const hash of [
        '#/',
        '#/knowledge',
        '#/knowledge/khai-sinh',
        '#/inbox',
        '#/handoffs',
        '#/dossiers',
      ]) {
        await page.goto(`${srv.url}/admin${hash}`);
        await page.locator('main h1').waitFor();
        expect({ hash, overflow: await horizontalOverflow(page) }).toEqual({ hash, overflow: 0 });
      }
      await page.goto(`${srv.url}/admin#/knowledge`);
      await page.locator('#kb-status').waitFor();
      await screenshot(page, 'knowledge-phone');
    });
  },
);
