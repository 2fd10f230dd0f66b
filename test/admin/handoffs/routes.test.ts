// Hand-off end to end over real HTTP: a Zalo citizen asks for a person (or the bot fails twice), staff take
// the conversation (first come, first served), read the history, reply on Zalo; the bot stays silent while
// a person holds it and resumes when they close it or go idle.
import { eventually } from '../../support/fakes/test-server';
import type { FakeZalo } from '../../support/fakes/fake-zalo';
import {
  addStaff,
  dropFixture,
  fixture,
  Staff,
  startConsole,
  type ConsoleServer,
  type Fixture,
} from '../support';
import { citizenSays, startZalo } from './zalo';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const CITIZEN = '7000111222333444555';

let f: Fixture;
let srv: ConsoleServer;
let zalo: FakeZalo;
let lan: Staff;
let minh: Staff;

beforeAll(async () => {
  f = await fixture({ handoffIdleMs: 20 * MINUTE });
  await addStaff(f.stores, 'lan', 'editor', undefined, ['hoa-an']);
  await addStaff(f.stores, 'minh', 'editor', undefined, ['hoa-an']);
  await addStaff(f.stores, 'an', 'viewer');
  const z = await startZalo(f.stores);
  zalo = z.zalo;
  srv = await startConsole(f, { env: z.env, pipeline: true, admin: { sessionIdleMs: DAY } });
  lan = await Staff.signedIn(srv.url, 'lan');
  minh = await Staff.signedIn(srv.url, 'minh');
});
afterAll(async () => {
  await srv.stop();
  await zalo.stop();
  await dropFixture(f);
});

const sentTo = (user: string) => zalo.sent.filter((s) => s.userId === user).map((s) => s.text);
const queue = async (state = 'waiting') => (await lan.get(`/handoffs?state=${state}`)).body.handoffs as any[];

let id: string;

it('a citizen asking for a person opens a request in the queue, and is told a person will answer', async () => {
  await citizenSays(srv.url, CITIZEN, 'cho tôi gặp cán bộ');
  await eventually(() => sentTo(CITIZEN).length > 0, 10_000, 'the bot to answer');
  expect(sentTo(CITIZEN).join('\n')).toMatch(/cán bộ/);
  const [h] = await queue();
  expect(h).toMatchObject({
    channel: 'zalo',
    userId: CITIZEN,
    reason: 'asked',
    state: 'waiting',
    takenBy: null,
    waitedMinutes: expect.any(Number),
  });
  id = h.id;
  // Asking again does not queue the citizen twice.
  await citizenSays(srv.url, CITIZEN, 'gặp cán bộ');
  await eventually(async () => (await f.stores.inbound.countPending()) === 0, 10_000);
  expect(await queue()).toHaveLength(1);
});

it('two staff take it at once: exactly one gets it, the other is told who was first', async () => {
  const [a, b] = await Promise.all([lan.post(`/handoffs/${id}/take`), minh.post(`/handoffs/${id}/take`)]);
  const winner = a.status === 200 ? 'lan' : 'minh';
  expect([a.status, b.status].sort()).toEqual([200, 409]);
  expect((a.status === 409 ? a : b).body.message).toBe(`${winner} đã nhận cuộc trò chuyện này trước.`);
  if (winner === 'minh') {
    // Keep the rest of the story simple: minh closes, the citizen asks again, lan takes the new request.
    await minh.post(`/handoffs/${id}/close`);
    await citizenSays(srv.url, CITIZEN, 'gặp cán bộ');
    await eventually(async () => (await queue()).length === 1, 10_000);
    id = (await queue())[0].id;
    expect((await lan.post(`/handoffs/${id}/take`)).status).toBe(200);
  }
  expect((await queue('taken')).map((h) => h.takenBy)).toEqual(['lan']);
  expect((await f.stores.audit.list({ target: `zalo:${CITIZEN}` }, 10)).map((e) => e.action)).toContain(
    'handoff.take',
  );
});

it('the holder sees the history and replies on Zalo; others cannot reply', async () => {
  const view = (await lan.get(`/handoffs/${id}`)).body;
  expect(view.replyBlocker).toBeNull();
  expect(view.messages.filter((m: any) => m.from === 'citizen').map((m: any) => m.text)).toEqual(
    expect.arrayContaining(['cho tôi gặp cán bộ']),
  );
  expect(view.messages.some((m: any) => m.from === 'bot' && m.state === 'sent')).toBe(true);

  const reply =
    'Dạ, cán bộ Lan của Trung tâm xin trả lời anh/chị: hồ sơ của anh/chị đã đủ, mời anh/chị đến nhận sáng mai ạ. <script>alert(1)</script>';
  const r = await lan.post(`/handoffs/${id}/reply`, { text: reply });
  expect(r.status).toBe(200);
  await eventually(() => sentTo(CITIZEN).includes(reply), 10_000, 'the staff reply to reach Zalo');
  const after = (await lan.get(`/handoffs/${id}`)).body.messages;
  expect(after.at(-1)).toMatchObject({ from: 'staff', by: 'lan', text: reply, state: 'sent' });

  const other = await minh.post(`/handoffs/${id}/reply`, { text: 'Dạ, tôi cũng trả lời.' });
  expect(other.status).toBe(409);
  expect(other.body.message).toBe('lan đang xử lý cuộc trò chuyện này.');
  expect((await minh.post(`/handoffs/${id}/close`)).status).toBe(403);
  const viewer = await Staff.signedIn(srv.url, 'an');
  expect((await viewer.post(`/handoffs/${id}/reply`, { text: 'Dạ' })).status).toBe(403);
});

it('while a person holds the conversation the bot stays silent, but keeps the messages', async () => {
  const before = sentTo(CITIZEN).length;
  await citizenSays(srv.url, CITIZEN, 'vâng cảm ơn, mai mấy giờ tôi đến được?');
  await eventually(async () => (await f.stores.inbound.countPending()) === 0, 10_000);
  await new Promise((r) => setTimeout(r, 300));
  expect(sentTo(CITIZEN)).toHaveLength(before);
  const messages = (await lan.get(`/handoffs/${id}`)).body.messages;
  expect(messages.at(-1)).toMatchObject({ from: 'citizen', text: 'vâng cảm ơn, mai mấy giờ tôi đến được?' });
});

it('closing hands the conversation back: the bot answers again', async () => {
  const r = await lan.post(`/handoffs/${id}/close`);
  expect(r.status).toBe(200);
  expect(r.body.handoff).toMatchObject({ state: 'closed', closedBy: 'lan' });
  expect((await lan.post(`/handoffs/${id}/reply`, { text: 'Dạ' })).body.message).toBe(
    'Cuộc trò chuyện đã được trả cho trợ lý và đã kết thúc.',
  );
  const before = sentTo(CITIZEN).length;
  await citizenSays(srv.url, CITIZEN, 'làm giấy khai sinh cần gì');
  await eventually(() => sentTo(CITIZEN).length > before, 10_000, 'the bot to answer again');
  expect(sentTo(CITIZEN).slice(before).join('\n')).toMatch(/Giấy chứng sinh/);
});

it('a staff member who goes idle hands the conversation back to the bot', async () => {
  await citizenSays(srv.url, CITIZEN, 'gặp cán bộ');
  await eventually(async () => (await queue()).length === 1, 10_000);
  const [h] = await queue();
  await lan.post(`/handoffs/${String(h.id)}/take`);
  f.clock.advance(21 * MINUTE);
  const before = sentTo(CITIZEN).length;
  await citizenSays(srv.url, CITIZEN, 'lệ phí đăng ký kết hôn bao nhiêu');
  await eventually(() => sentTo(CITIZEN).length > before, 10_000, 'the bot to resume after the idle time');
  expect(await f.stores.handoffs.get(h.id)).toMatchObject({ state: 'closed', closedBy: 'idle' });
});

it('two failures in a row open a request too', async () => {
  const user = '7000111222333444666';
  await citizenSays(srv.url, user, 'xyzq wvut');
  await citizenSays(srv.url, user, 'qwpo zmxn');
  await eventually(
    async () => (await queue()).some((h) => h.userId === user),
    10_000,
    'a request after two failures',
  );
  expect((await queue()).find((h) => h.userId === user)).toMatchObject({
    reason: 'failures',
    channel: 'zalo',
  });
});

it('replies that cannot be delivered are refused with a clear reason', async () => {
  const now = f.clock.now();
  const old = (
    await f.stores.handoffs.open(
      { channel: 'zalo', userId: 'old-citizen', displayName: null, reason: 'asked' },
      now,
    )
  ).handoff;
  await f.stores.contacts.touch('zalo', 'old-citizen', new Date(now.getTime() - 8 * DAY), null);
  await lan.post(`/handoffs/${old.id}/take`);
  const late = await lan.post(`/handoffs/${old.id}/reply`, { text: 'Dạ, xin lỗi anh/chị vì trả lời muộn.' });
  expect(late.status).toBe(409);
  expect(late.body.message).toMatch(
    /^Ngoài thời hạn trả lời của zalo: người dân nhắn lần cuối ngày \d\d\/\d\d\/\d{4}, mà zalo chỉ cho nhắn lại trong 168 giờ/,
  );
  expect(await f.stores.outbox.recent('zalo', 'old-citizen', 5)).toEqual([]);

  // The web chat cannot carry a staff reply: nobody takes such a conversation from the bot.
  const web = (
    await f.stores.handoffs.open(
      { channel: 'web', userId: 'web-session-1', displayName: null, reason: 'asked' },
      now,
    )
  ).handoff;
  const take = await lan.post(`/handoffs/${web.id}/take`);
  expect(take.status).toBe(409);
  expect(take.body.message).toMatch(
    /^The web chat cannot receive a staff reply .+ the bot keeps answering there/,
  );
  expect((await f.stores.handoffs.get(web.id))!.state).toBe('waiting');
  expect((await lan.post(`/handoffs/${web.id}/reply`, { text: 'Dạ' })).body.message).toMatch(
    /web chat cannot receive/,
  );
  expect((await lan.get(`/handoffs/${web.id}`)).body).toMatchObject({
    channelBlocker: expect.stringMatching(/web chat/),
    replyBlocker: expect.stringMatching(/web chat/),
  });
  expect((await lan.post(`/handoffs/${web.id}/close`)).status).toBe(200);
});
