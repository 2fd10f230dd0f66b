// Real browser: a citizen on Zalo asks for a person; an editor takes the conversation in the console,
// reads the history, replies (the reply reaches Zalo), sees the citizen's next message while the bot stays
// silent, and hands the conversation back. Screenshots of the other main pages are taken on the way.
import { randomUUID } from 'node:crypto';
import { eventually } from '../support/fakes/test-server';
import type { FakeZalo } from '../support/fakes/fake-zalo';
import { citizenSays, startZalo } from '../admin/handoffs/zalo';
import { ask } from '../admin/knowledge/ask';
import {
  addStaff,
  dropFixture,
  fixture,
  PASSWORD,
  startConsole,
  type ConsoleServer,
  type Fixture,
} from '../admin/support';
import { codeNo } from '../dossiers/fixtures';
import {
  describeBrowser,
  horizontalOverflow,
  launch,
  screenshot,
  signIn,
  watch,
  type Browser,
} from './admin-browser';

jest.setTimeout(120_000);

const CITIZEN = '7000111222333444555';
const REPLY =
  'Dạ, cán bộ Trung tâm xin chào anh/chị. Hồ sơ khai sinh của cháu đã có kết quả, mời anh/chị đến nhận ạ. <b>cảm ơn</b>';

describeBrowser('staff console (hand-off)')(
  'staff console in a real browser: take over a conversation and reply',
  () => {
    let f: Fixture;
    let srv: ConsoleServer;
    let zalo: FakeZalo;
    let browser: Browser;

    beforeAll(async () => {
      f = await fixture();
      await addStaff(f.stores, 'lan', 'editor', undefined, ['hoa-an']);
      await addStaff(f.stores, 'boss', 'admin');
      const z = await startZalo(f.stores);
      zalo = z.zalo;
      srv = await startConsole(f, { env: z.env, pipeline: true });
      const at = new Date();
      await f.stores.dossiers.upsert({
        code: codeNo(7),
        procedureId: 'khai-sinh',
        applicantName: 'Nguyễn Văn An',
        phone: '0912345678',
        receivedAt: at,
        dueAt: new Date(at.getTime() + 3 * 86_400_000),
        status: 'processing',
        reason: null,
        note: null,
        history: [{ status: 'processing', at, note: null }],
        updatedAt: at,
      });
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
      await srv?.stop();
      await zalo?.stop();
      if (f) await dropFixture(f);
    });

    const sentTo = () => zalo.sent.filter((s) => s.userId === CITIZEN).map((s) => s.text);

    it('take, read, reply on Zalo, the bot silent meanwhile; close hands it back', async () => {
      await citizenSays(srv.url, CITIZEN, 'hồ sơ của tôi lâu quá, cho tôi gặp cán bộ');
      await eventually(() => sentTo().length > 0, 15_000, 'the bot to answer the citizen');

      const page = await browser.context.newPage();
      const seen = watch(page);
      await signIn(page, srv.url, 'lan', PASSWORD);
      await page.getByRole('link', { name: 'Gặp cán bộ' }).click();
      const item = page.locator('a.handoff', { hasText: 'Người dân xin gặp cán bộ' });
      await item.waitFor();
      await screenshot(page, 'handoff-queue');
      await item.click();

      await page.locator('#conversation .bubble.citizen', { hasText: 'cho tôi gặp cán bộ' }).waitFor();
      await page.click('#take');
      await page.locator('#toast', { hasText: 'Đã nhận' }).waitFor();
      await page.fill('#reply-text', REPLY);
      await page.click('#reply-send');
      await eventually(() => sentTo().includes(REPLY), 15_000, 'the staff reply to reach Zalo');
      await page.locator('#conversation .bubble.staff', { hasText: 'cảm ơn</b>' }).waitFor(); // markup shown as text

      // The citizen answers: the bot stays silent, the staff member sees the message appear.
      const before = sentTo().length;
      await citizenSays(srv.url, CITIZEN, 'vâng, chiều nay tôi qua nhận được không ạ?');
      await page
        .locator('#conversation .bubble.citizen', { hasText: 'chiều nay tôi qua nhận' })
        .waitFor({ timeout: 15_000 });
      expect(sentTo()).toHaveLength(before);
      await screenshot(page, 'handoff-conversation');

      await page.click('#close');
      await page.locator('#toast', { hasText: 'trợ lý trả lời tiếp' }).waitFor();
      await citizenSays(srv.url, CITIZEN, 'làm giấy khai sinh cần gì');
      await eventually(() => sentTo().length > before, 15_000, 'the bot to answer again');
      expect(seen.errors).toEqual([]);
      expect(seen.dialogs).toEqual([]);
    });

    it('an admin sees the other main pages: marks a missed question out of scope, looks up a dossier, reads the audit log', async () => {
      const page = await browser.context.newPage();
      // Teaching retrains the model on the server (seconds, more on a busy machine): wait, do not time it.
      page.setDefaultTimeout(90_000);
      await page.goto(`${srv.url}/admin`);
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await signIn(page, srv.url, 'boss', PASSWORD);
      for (const q of [
        'giá vàng hôm nay bao nhiêu',
        'Giá vàng hôm nay bao nhiêu?',
        'xã có phát gạo cứu đói không',
      ])
        await ask(f.assistant, q);
      await page.goto(`${srv.url}/admin#/inbox`);
      const gold = page.locator('.inbox-group', { hasText: 'giá vàng hôm nay bao nhiêu' });
      await gold.locator('.badge', { hasText: '2 lần' }).waitFor();
      await screenshot(page, 'inbox');
      await gold.getByRole('button', { name: 'Ngoài phạm vi' }).click();
      // (When the training files already hold the sentence as out of scope there is nothing to learn.)
      await page
        .locator('#toast', { hasText: /Trợ lý đã biết câu này|Đã đánh dấu ngoài phạm vi/ })
        .waitFor({ timeout: 20_000 });
      await page.locator('.inbox-group', { hasText: 'giá vàng' }).waitFor({ state: 'detached' });
      // Teaching a new sentence retrains the bot; it is then listed among the taught examples.
      const rice = page.locator('.inbox-group', { hasText: 'xã có phát gạo cứu đói không' });
      // (The form starts from the bot's own reading; here staff correct it.)
      await rice.locator('select[id^="intent-"]').selectOption('procedure');
      await rice.locator('select[id^="procedure-"]').selectOption('tro-cap-xa-hoi');
      await rice.getByRole('button', { name: 'Dạy trợ lý câu này' }).click();
      await page.locator('#toast', { hasText: 'trợ lý đã học lại' }).waitFor({ timeout: 90_000 });
      await page.locator('td', { hasText: 'xã có phát gạo cứu đói không' }).waitFor();
      expect(f.assistant.understand('xã có phát gạo cứu đói không').procedure).toBe('tro-cap-xa-hoi');
      // A short follow-up is taught "about the procedure in context": the bot answers it at once, about
      // whichever procedure the citizen asks.
      const inContext = async (...texts: string[]) => {
        const userId = randomUUID();
        let turn = null;
        for (const text of texts)
          turn = await f.assistant.turn({
            channel: 'web',
            userId,
            messageId: randomUUID(),
            kind: 'text',
            text,
            sentAt: new Date(),
          });
        return turn?.decision;
      };
      await inContext('làm giấy khai sinh cho con cần những gì', 'để đến hôm nào');
      await page.reload();
      const followUp = page.locator('.inbox-group', { hasText: 'để đến hôm nào' });
      await followUp.locator('select[id^="intent-"]').selectOption('procedure');
      await followUp.locator('select[id^="procedure-"]').selectOption('');
      await followUp.locator('select[id^="aspect-"]').selectOption('time');
      await followUp.getByRole('button', { name: 'Dạy trợ lý câu này' }).click();
      await page.locator('#toast', { hasText: 'từ giờ trả lời câu này' }).waitFor({ timeout: 90_000 });
      await page.locator('td', { hasText: 'Theo thủ tục đang hỏi' }).waitFor();
      expect(await inContext('đăng ký kết hôn cần giấy tờ gì', 'để đến hôm nào')).toMatchObject({
        procedure: 'ket-hon',
        aspect: 'time',
      });
      await page.goto(`${srv.url}/admin#/dossiers`);
      await page.fill('#dossier-code', codeNo(7));
      await page.getByRole('button', { name: 'Tìm' }).click();
      await page.locator('#dossier', { hasText: 'Nguyễn V*** A' }).waitFor();
      await screenshot(page, 'dossiers');
      await page.goto(`${srv.url}/admin#/audit`);
      await page
        .locator('#audit td[data-action="handoff.reply"]', { hasText: 'Trả lời người dân' })
        .waitFor();
      await screenshot(page, 'audit');
      await page.goto(`${srv.url}/admin#/staff`);
      await page.locator('#accounts', { hasText: 'lan' }).waitFor();
      await screenshot(page, 'staff');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${srv.url}/admin#/handoffs`);
      await page.getByRole('tab', { name: 'Đã kết thúc' }).click();
      await page.locator('a.handoff').first().waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, 'handoffs-phone');
    });
  },
);
