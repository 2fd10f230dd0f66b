// Dead letters in the staff console and "send again": a reply the sender gave up on during an outage is
// listed; an editor sends it again once the platform is back (audited); a viewer may only look.
import { eventually } from '../../support/fakes/test-server';
import type { FakeZalo } from '../../support/fakes/fake-zalo';
import { citizenSays, startZalo } from '../handoffs/zalo';
import {
  addStaff,
  dropFixture,
  fixture,
  Staff,
  startConsole,
  type ConsoleServer,
  type Fixture,
} from '../support';

const CITIZEN = '7000111222333444555';

let f: Fixture;
let srv: ConsoleServer;
let zalo: FakeZalo;

beforeAll(async () => {
  f = await fixture();
  await addStaff(f.stores, 'lan', 'editor', undefined, ['hoa-an']);
  await addStaff(f.stores, 'an', 'viewer');
  const z = await startZalo(f.stores);
  zalo = z.zalo;
  srv = await startConsole(f, {
    env: z.env,
    pipeline: true,
    tuning: { pollMs: 20, backoff: { baseMs: 10, maxMs: 20, maxAttempts: 2 } },
  });
});
afterAll(async () => {
  await srv.stop();
  await zalo.stop();
  await dropFixture(f);
});

it('a dead letter is listed; a viewer cannot send it again, an editor can, once; the attempt is audited', async () => {
  zalo.failNext({ kind: 'http', status: 503 }, { kind: 'http', status: 503 });
  await citizenSays(srv.url, CITIZEN, 'giờ làm việc');
  const lan = await Staff.signedIn(srv.url, 'lan');
  await eventually(
    async () => (await lan.get('/outbox/dead-letters')).body.counts.dead === 1,
    10_000,
    'the dead letter',
  );
  const list = (await lan.get('/outbox/dead-letters')).body;
  expect(list.items).toEqual([
    expect.objectContaining({
      channel: 'zalo',
      userId: CITIZEN,
      state: 'dead',
      attempts: 2,
      lastError: expect.stringMatching(/after 2 attempts/),
    }),
  ]);
  const id = list.items[0].id as string;

  const an = await Staff.signedIn(srv.url, 'an');
  expect((await an.post(`/outbox/${id}/resend`)).status).toBe(403);
  expect((await lan.post('/outbox/999999/resend')).status).toBe(404);

  const r = await lan.post(`/outbox/${id}/resend`);
  expect(r.status).toBe(200);
  expect(r.body.item).toMatchObject({ id, state: 'pending', attempts: 0 });
  await eventually(() => zalo.sent.length === 1, 10_000, 'the reply sent again');
  expect(zalo.sent[0]!.userId).toBe(CITIZEN);
  expect((await lan.post(`/outbox/${id}/resend`)).status).toBe(409);
  expect((await lan.get('/outbox/dead-letters')).body.counts.dead).toBe(0);
  const [entry] = await f.stores.audit.list({ target: `zalo:${CITIZEN}` }, 10);
  expect(entry).toMatchObject({
    actor: 'lan',
    action: 'outbox.resend',
    before: { outbox: id, state: 'dead' },
    after: { outbox: id, state: 'pending' },
  });
});
