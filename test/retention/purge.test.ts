// The daily purge on a real SQLite file: each kind older than its retention goes, recent data stays.
import { purgeExpired, startDailyPurge, type PurgeCounts } from '../../src/retention/purge';
import { DEFAULT_RETENTION_DAYS } from '../../src/retention/config';
import type { Stores } from '../../src/store/ports';
import { tempStores } from '../dossiers/fixtures';

const DAY = 86_400_000;
const NOW = new Date('2026-06-01T00:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
let stores: Stores;
let cleanup: () => Promise<void>;
beforeEach(() => ({ stores, cleanup } = tempStores()));
afterEach(() => cleanup());

async function seed(): Promise<void> {
  for (const [id, days] of [
    ['old', 100],
    ['new', 10],
  ] as const) {
    await stores.inbound.insertIfNew({
      channel: 'zalo',
      messageId: id,
      userId: 'u1',
      kind: 'text',
      text: `tin ${id}`,
      displayName: null,
      sentAt: ago(days),
      receivedAt: ago(days),
    });
    const r = await stores.inbound.claimNext('w', 0);
    await stores.inbound.markDone(r!.id);
    await stores.complaints.add({ channel: 'zalo', userId: 'u1', text: `phản ánh ${id}`, at: ago(days * 4) });
    await stores.audit.append({
      at: ago(days * 8),
      actor: 'lan',
      action: 'x',
      target: id,
      before: null,
      after: null,
    });
    await stores.unanswered.add({
      text: id,
      normalized: id,
      intent: 'out_of_scope',
      procedure: null,
      aspect: null,
      confidence: 0.1,
      channel: 'web',
      at: ago(days * 2),
    });
  }
  await stores.counters.increment('lookup:all:1', ago(1), ago(0.5));
}

test('deletes what is past each retention and keeps the rest', async () => {
  await seed();
  const counts = await purgeExpired(stores, DEFAULT_RETENTION_DAYS, NOW);
  // messages 90 days (100 > 90), complaints 365 (400 > 365), audit 730 (800 > 730), unanswered 180 (200 > 180).
  expect(counts).toEqual({
    counters: 1,
    messages: 1,
    conversations: 0,
    unanswered: 2,
    complaints: 1,
    audit: 1,
  });
  expect((await stores.inbound.recent('zalo', 'u1', 10)).map((r) => r.messageId)).toEqual(['new']);
  expect((await stores.personalData.export('zalo', 'u1')).complaints.map((c) => c.text)).toEqual([
    'phản ánh new',
  ]);
  expect((await stores.audit.list({}, 10)).map((e) => e.target)).toEqual(['new']);
  expect((await stores.unanswered.grouped(10)).map((g) => g.normalized)).toEqual(['new']);
  expect(await purgeExpired(stores, DEFAULT_RETENTION_DAYS, NOW)).toEqual({
    counters: 0,
    messages: 0,
    conversations: 0,
    unanswered: 0,
    complaints: 0,
    audit: 0,
  });
});

test('shorter retention deletes more', async () => {
  await seed();
  const counts = await purgeExpired(stores, { ...DEFAULT_RETENTION_DAYS, messages: 5 }, NOW);
  expect(counts.messages).toBe(2);
});

test('the daily purge runs at once when started and reports what it deleted', async () => {
  await seed();
  const reported = await new Promise<{ counts: PurgeCounts } | { error: unknown }>((resolve) => {
    const purge = startDailyPurge(stores, { ...DEFAULT_RETENTION_DAYS, messages: 1 }, (o) => {
      purge.stop();
      resolve(o);
    });
  });
  expect(reported).toMatchObject({ counts: { messages: 2 } });
});
