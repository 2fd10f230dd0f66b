// The province dashboard with two communes: each commune's messages, answered share, hand-offs and how
// long citizens waited, lookups and overdue dossiers, for province accounts only; commune staff's own
// dashboard counts only their commune. Rows that name no commune count for the default one.
import type { AnalyticsEvent, Dossier } from '../../../src/store/ports';
import {
  addStaff,
  dropFixture,
  fixture,
  Staff,
  startConsole,
  type ConsoleServer,
  type Fixture,
} from '../support';

const DEFAULT = 'hoa-an';
const OTHER = 'suoi-may';
const D18 = new Date('2025-11-18T02:00:00Z');
const MINUTE = 60_000;

let f: Fixture;
let srv: ConsoleServer;

const event = (type: AnalyticsEvent['type'], commune: string | null): AnalyticsEvent => ({
  type,
  channel: 'zalo',
  intent: null,
  procedure: null,
  aspect: null,
  at: D18,
  commune,
});

const dossier = (code: string, status: Dossier['status'], dueAt: Date): Dossier => ({
  code,
  procedureId: 'khai-sinh',
  applicantName: 'Nguyễn Văn An',
  phone: null,
  receivedAt: D18,
  dueAt,
  status,
  reason: null,
  note: null,
  history: [],
  updatedAt: D18,
});

async function handoff(userId: string, commune: string | null, waitedMinutes: number | null) {
  const { handoff: h } = await f.stores.handoffs.open(
    { channel: 'zalo', userId, displayName: null, reason: 'asked', commune },
    D18,
  );
  if (waitedMinutes !== null)
    await f.stores.handoffs.take(h.id, 'lan', new Date(D18.getTime() + waitedMinutes * MINUTE));
}

beforeAll(async () => {
  f = await fixture();
  await addStaff(f.stores, 'tinh', 'viewer');
  await addStaff(f.stores, 'xa', 'viewer', undefined, [OTHER]);
  // The default commune: 3 messages (one before communes existed), 2 answered, 1 lookup.
  for (const e of [event('answer', DEFAULT), event('not_understood', null), event('lookup', DEFAULT)])
    await f.stores.analytics.record(e);
  // The other: 4 messages, 1 not understood, 2 lookups.
  for (const e of [
    event('answer', OTHER),
    event('lookup', OTHER),
    event('lookup', OTHER),
    event('not_understood', OTHER),
  ])
    await f.stores.analytics.record(e);
  await handoff('a1', null, 10);
  await handoff('a2', DEFAULT, 30);
  await handoff('b1', OTHER, 5);
  await handoff('b2', OTHER, null);
  const past = new Date(Date.now() - 3 * 86_400_000);
  const later = new Date(Date.now() + 3 * 86_400_000);
  await f.stores.dossiers.upsertMany([
    dossier('000.00.15.H12-251118-0001', 'processing', past),
    dossier('000.00.15.H12-251118-0002', 'result_ready', past), // finished: not overdue
    dossier('000.00.27.H12-251118-0001', 'received', past),
    dossier('000.00.27.H12-251118-0002', 'processing', past),
    dossier('000.00.27.H12-251118-0003', 'processing', later),
    dossier('999.99.99.H12-251118-0001', 'processing', past), // no commune has this agency
  ]);
  srv = await startConsole(f);
});
afterAll(async () => {
  await srv.stop();
  await dropFixture(f);
});

it('compares the communes side by side for a province account', async () => {
  const tinh = await Staff.signedIn(srv.url, 'tinh');
  const r = await tinh.get('/dashboard/communes?from=2025-11-18&to=2025-11-18');
  expect(r.status).toBe(200);
  expect(r.body.days).toEqual(['2025-11-18']);
  expect(r.body.communes).toEqual([
    {
      commune: DEFAULT,
      name: expect.any(String),
      messages: 3,
      answered: 2,
      answeredPercent: 67,
      handoffs: 2,
      averageWaitMinutes: 20,
      longestWaitMinutes: 30,
      stillWaiting: 0,
      lookups: 1,
      overdueDossiers: 1,
    },
    {
      commune: OTHER,
      name: expect.any(String),
      messages: 4,
      answered: 3,
      answeredPercent: 75,
      handoffs: 2,
      averageWaitMinutes: 5,
      longestWaitMinutes: 5,
      stillWaiting: 1,
      lookups: 2,
      overdueDossiers: 2,
    },
  ]);
  const names = r.body.communes.map((c: { name: string }) => c.name);
  expect(new Set(names).size).toBe(2);
});

it('is refused to commune staff, whose own dashboard counts only their commune', async () => {
  const xa = await Staff.signedIn(srv.url, 'xa');
  expect((await xa.get('/dashboard/communes')).status).toBe(403);
  const fig = (await xa.get('/dashboard?from=2025-11-18&to=2025-11-18')).body.figures;
  expect(fig.outcomes).toEqual([{ day: '2025-11-18', answered: 3, notUnderstood: 1 }]);
  expect(fig.lookups).toEqual([{ day: '2025-11-18', count: 2 }]);
  expect(fig.handoffs).toEqual([
    { day: '2025-11-18', opened: 2, taken: 1, averageWaitMinutes: 5, longestWaitMinutes: 5 },
  ]);
});
