// One enqueue for everything that sends: it writes the outbox and wakes this process's sender, so a staff
// reply leaves at once instead of on the sender's next poll.
import { eventually } from '../support/fakes/test-server';
import type { FakeZalo } from '../support/fakes/fake-zalo';
import { Outbox } from '../../src/services/outbox';
import type { NewOutboxItem } from '../../src/store/ports';
import {
  addStaff,
  dropFixture,
  fixture,
  Staff,
  startConsole,
  type ConsoleServer,
  type Fixture,
} from '../admin/support';
import { citizenSays, startZalo } from '../admin/handoffs/zalo';

const item: NewOutboxItem = {
  channel: 'zalo',
  userId: 'u1',
  reply: { text: 'Dạ', options: [] },
  inboundReceivedAt: null,
};

describe('Outbox', () => {
  test('wakes the sender after the write, and only when something was queued', async () => {
    const events: string[] = [];
    const outbox = new Outbox({
      enqueue: async (items) => {
        events.push(`write ${items.length}`);
        return items.map((_, i) => ({ id: String(i) }) as never);
      },
    });
    await outbox.enqueue([item], new Date()); // no sender in this process: only written
    outbox.wakes({ wake: () => events.push('wake') });
    await outbox.enqueue([item], new Date());
    await outbox.enqueue([], new Date());
    expect(events).toEqual(['write 1', 'write 1', 'wake', 'write 0']);
  });
});

describe('a staff hand-off reply', () => {
  const CITIZEN = '7000111222333444666';
  const POLL_MS = 120_000; // far longer than the test waits: only a wake-up can deliver in time
  let f: Fixture;
  let srv: ConsoleServer;
  let zalo: FakeZalo;

  beforeAll(async () => {
    f = await fixture();
    await addStaff(f.stores, 'lan', 'editor', undefined, ['hoa-an']);
    const z = await startZalo(f.stores);
    zalo = z.zalo;
    srv = await startConsole(f, { env: z.env, pipeline: true, tuning: { pollMs: POLL_MS } });
  });
  afterAll(async () => {
    await srv.stop();
    await zalo.stop();
    await dropFixture(f);
  });

  test('is sent without waiting for the poll', async () => {
    const sentTo = () => zalo.sent.filter((s) => s.userId === CITIZEN).map((s) => s.text);
    await citizenSays(srv.url, CITIZEN, 'cho tôi gặp cán bộ');
    await eventually(() => sentTo().length > 0, 10_000, 'the bot to answer');
    const lan = await Staff.signedIn(srv.url, 'lan');
    const [h] = (await lan.get('/handoffs')).body.handoffs as Array<{ id: string }>;
    expect((await lan.post(`/handoffs/${h?.id ?? ''}/take`)).status).toBe(200);
    const reply = 'Chào anh, cán bộ Lan đây ạ.';
    expect((await lan.post(`/handoffs/${h?.id ?? ''}/reply`, { text: reply })).status).toBe(200);
    await eventually(() => sentTo().includes(reply), 5_000, 'the staff reply to be sent');
  });
});
