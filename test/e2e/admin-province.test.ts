// Real browser: a province admin compares the communes in the province table and makes an account for one
// commune on the staff page; that person then signs in and sees only their commune's menu.
import {
  addStaff,
  dropFixture,
  fixture,
  PASSWORD,
  startConsole,
  type ConsoleServer,
  type Fixture,
} from '../admin/support';
import { describeBrowser, launch, screenshot, signIn, watch, type Browser } from './admin-browser';

jest.setTimeout(120_000);

describeBrowser('staff console (province)')('province dashboard and commune staff in a real browser', () => {
  let f: Fixture;
  let srv: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    f = await fixture();
    await addStaff(f.stores, 'quantri', 'admin');
    const at = new Date();
    for (const commune of [null, 'suoi-may', 'suoi-may'])
      await f.stores.analytics.record({
        type: 'answer',
        channel: 'zalo',
        intent: null,
        procedure: null,
        aspect: null,
        at,
        commune,
      });
    srv = await startConsole(f);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.stop();
    if (f) await dropFixture(f);
  });

  it('the province table compares the communes; an account made for one commune sees only it', async () => {
    const page = await browser.context.newPage();
    const seen = watch(page);
    await signIn(page, srv.url, 'quantri', PASSWORD);
    await page.getByRole('link', { name: 'So sánh các xã' }).click();
    const rows = page.locator('#communes tbody tr');
    await rows.nth(1).waitFor();
    const cells = async (i: number) => (await rows.nth(i).locator('td').allInnerTexts()).slice(0, 3);
    expect(await cells(0)).toEqual(['xã Hòa An', '1', '100%']);
    expect(await cells(1)).toEqual(['xã Suối Mây', '2', '100%']);
    await screenshot(page, 'province', true);

    await page.getByRole('link', { name: 'Tài khoản' }).click();
    await page.fill('#new-username', 'mai');
    await page.fill('#new-password', 'mật khẩu cán bộ xã 2026');
    await page.selectOption('#new-role', 'editor');
    await page.selectOption('#new-communes', ['suoi-may']);
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.locator('#accounts tr', { hasText: 'mai' }).waitFor();
    expect((await f.stores.staff.get('mai'))?.communes).toEqual(['suoi-may']);

    await page.locator('#logout').click();
    await page.locator('#username').waitFor();
    await signIn(page, srv.url, 'mai', 'mật khẩu cán bộ xã 2026');
    expect(await page.locator('#who').innerText()).toContain('xã Suối Mây');
    const menu = await page.locator('#nav a').allInnerTexts();
    expect(menu).not.toContain('So sánh các xã');
    expect(menu).not.toContain('Tài khoản');
    expect(seen.errors).toEqual([]);
  });
});
