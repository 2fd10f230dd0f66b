// A citizen's request over the console API: export everything kept about them, then erase it; admins
// only, and both audited without the data.
import {
  addStaff,
  dropFixture,
  fixture,
  Staff,
  startConsole,
  type ConsoleServer,
  type Fixture,
} from '../support';

let f: Fixture;
let srv: ConsoleServer;
const USER = '7000111222333444555';
const at = new Date();

beforeAll(async () => {
  f = await fixture();
  await addStaff(f.stores, 'quan', 'admin');
  await addStaff(f.stores, 'an', 'viewer');
  await f.stores.inbound.insertIfNew({
    channel: 'zalo',
    messageId: 'm1',
    userId: USER,
    kind: 'text',
    text: 'Tôi là Hoa, số 0912345678',
    displayName: 'Hoa',
    sentAt: at,
    receivedAt: at,
  });
  await f.stores.inbound.insertIfNew({
    channel: 'zalo',
    messageId: 'm2',
    userId: 'someone-else',
    kind: 'text',
    text: 'xin chào',
    displayName: null,
    sentAt: at,
    receivedAt: at,
  });
  await f.stores.complaints.add({ channel: 'zalo', userId: USER, text: 'Chờ lâu quá', at });
  await f.stores.conversations.save(`zalo:${USER}`, { lastCode: null });
  await f.stores.contacts.touch('zalo', USER, at, 'Hoa');
  srv = await startConsole(f);
});
afterAll(async () => {
  await srv.stop();
  await dropFixture(f);
});

it('export, erase, export again: the round trip', async () => {
  const quan = await Staff.signedIn(srv.url, 'quan');
  const before = await quan.get(`/citizens/zalo/${USER}/export`);
  expect(before.status).toBe(200);
  expect(before.body.data.inbound.map((m: any) => m.text)).toEqual(['Tôi là Hoa, số 0912345678']);
  expect(before.body.data.complaints.map((c: any) => c.text)).toEqual(['Chờ lâu quá']);
  expect(before.body.data.contact.displayName).toBe('Hoa');

  const erased = await quan.post(`/citizens/zalo/${USER}/erase`);
  expect(erased.body).toEqual({ removed: 4 });
  const after = await quan.get(`/citizens/zalo/${USER}/export`);
  expect(after.body.data).toMatchObject({
    inbound: [],
    outbox: [],
    conversationState: null,
    contact: null,
    complaints: [],
    subscriptions: [],
    handoffs: [],
  });
  expect(await f.stores.inbound.recent('zalo', 'someone-else', 10)).toHaveLength(1);

  const audit = await f.stores.audit.list({ target: `zalo:${USER}` }, 10);
  expect(audit.map((e) => [e.action, e.actor])).toEqual([
    ['citizen.export', 'quan'],
    ['citizen.erase', 'quan'],
    ['citizen.export', 'quan'],
  ]);
  expect(JSON.stringify(audit)).not.toContain('0912345678');
});

it('viewers may not, and the channel must be a citizen channel', async () => {
  const an = await Staff.signedIn(srv.url, 'an');
  expect((await an.get(`/citizens/zalo/${USER}/export`)).status).toBe(403);
  const quan = await Staff.signedIn(srv.url, 'quan');
  expect((await quan.get(`/citizens/sms/${USER}/export`)).status).toBe(400);
});
