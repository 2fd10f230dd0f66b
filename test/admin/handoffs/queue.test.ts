// Issue 10, finding 7: 1,000 anonymous web hand-offs opened before a real Zalo citizen's do not hide it;
// the queue is paged, replyable channels first, oldest first within each.
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
let lan: Staff;
const T0 = new Date('2025-11-18T02:00:00Z');

beforeAll(async () => {
  f = await fixture();
  await addStaff(f.stores, 'lan', 'viewer');
  for (let i = 0; i < 1_000; i++) {
    await f.stores.handoffs.open(
      { channel: 'web', userId: `flood-${i}`, displayName: null, reason: 'asked' },
      new Date(T0.getTime() + i * 1_000),
    );
  }
  await f.stores.handoffs.open(
    { channel: 'zalo', userId: '7000111222333444555', displayName: 'Chị Hoa', reason: 'asked' },
    new Date(T0.getTime() + 2_000_000),
  );
  await f.stores.handoffs.open(
    { channel: 'messenger', userId: 'psid-1', displayName: 'Anh Nam', reason: 'failures' },
    new Date(T0.getTime() + 2_500_000),
  );
  srv = await startConsole(f);
  lan = await Staff.signedIn(srv.url, 'lan');
});
afterAll(async () => {
  await srv.stop();
  await dropFixture(f);
});

it('the Zalo and Messenger citizens come first, the flood after them, 50 a page', async () => {
  const first = (await lan.get('/handoffs?state=waiting')).body;
  expect(first.total).toBe(1_002);
  expect(first.pageSize).toBe(50);
  expect(first.handoffs).toHaveLength(50);
  expect(first.handoffs.slice(0, 3).map((h: any) => h.userId)).toEqual([
    '7000111222333444555',
    'psid-1',
    'flood-0',
  ]);
  const second = (await lan.get('/handoffs?state=waiting&page=2')).body;
  expect(second.handoffs[0].userId).toBe('flood-48');
  const last = (await lan.get('/handoffs?state=waiting&page=21')).body;
  expect(last.handoffs.map((h: any) => h.userId)).toEqual(['flood-998', 'flood-999']);
  expect((await lan.get('/handoffs?state=waiting&page=22')).body.handoffs).toEqual([]);
  expect((await lan.get('/handoffs?page=0')).status).toBe(400);
});
