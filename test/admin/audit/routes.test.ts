// Admins read the audit log: who, when, what, before and after; filters by person, target and time.
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

beforeAll(async () => {
  f = await fixture();
  await addStaff(f.stores, 'boss', 'admin');
  await addStaff(f.stores, 'lan', 'editor');
  srv = await startConsole(f);
});
afterAll(async () => {
  await srv.stop();
  await dropFixture(f);
});

it('shows every change with its before/after snapshot, newest first, filtered', async () => {
  const lan = await Staff.signedIn(srv.url, 'lan');
  const { procedure } = (await lan.get('/knowledge/procedures/khai-tu')).body;
  await lan.put('/knowledge/procedures/khai-tu', {
    procedure: { ...procedure, time: 'Trong ngày làm việc.' },
  });
  const admin = await Staff.signedIn(srv.url, 'boss');
  const all = (await admin.get('/audit')).body.entries;
  expect(all.map((e: any) => e.action)).toEqual(['staff.login', 'knowledge.publish', 'staff.login']);
  expect(all[1]).toMatchObject({
    actor: 'lan',
    action: 'knowledge.publish',
    target: 'procedure:khai-tu',
    before: { time: procedure.time },
    after: { time: 'Trong ngày làm việc.' },
    at: expect.any(String),
  });
  expect((await admin.get('/audit?actor=lan')).body.entries.every((e: any) => e.actor === 'lan')).toBe(true);
  expect((await admin.get('/audit?target=procedure:khai-tu')).body.entries).toHaveLength(1);
  expect(
    (await admin.get(`/audit?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).body
      .entries,
  ).toEqual([]);
  expect((await admin.get('/audit?limit=1')).body.entries).toEqual([
    expect.objectContaining({ actor: 'boss', action: 'staff.login' }),
  ]);
  expect((await admin.get('/audit?limit=abc')).status).toBe(400);
  expect((await lan.get('/audit')).status).toBe(403);
});
