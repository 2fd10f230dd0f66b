// Dashboard figures for a chosen range of days (Vietnamese calendar), and the same figures as CSV.
import type { AnalyticsEvent, NewAnalyticsEvent } from '../../../src/store/ports';
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
let viewer: Staff;

// 2025-11-18 09:00 and 2025-11-19 23:30 in Vietnam (UTC+7); the second is still the 19th locally.
const D18 = new Date('2025-11-18T02:00:00Z');
const D19_LATE = new Date('2025-11-19T16:30:00Z');
const MINUTE = 60_000;

function event(
  type: AnalyticsEvent['type'],
  at: Date,
  over: Partial<NewAnalyticsEvent> = {},
): NewAnalyticsEvent {
  return {
    type,
    channel: 'zalo',
    intent: type === 'answer' ? 'procedure' : null,
    procedure: null,
    aspect: null,
    at,
    ...over,
  };
}

beforeAll(async () => {
  f = await fixture();
  await addStaff(f.stores, 'an', 'viewer');
  const events = [
    event('answer', D18, { procedure: 'khai-sinh', aspect: 'fee' }),
    event('answer', D18, { procedure: 'khai-sinh', aspect: 'documents', channel: 'web' }),
    event('answer', D19_LATE, { procedure: 'ket-hon', aspect: 'fee', channel: 'messenger' }),
    event('not_understood', D18),
    event('lookup', D19_LATE),
    event('lookup', D19_LATE, { channel: 'web' }),
    event('handoff', D19_LATE),
    event('answer', new Date('2025-11-20T17:00:00Z'), { procedure: 'khai-tu', aspect: 'time' }), // the 21st: outside the range
  ];
  for (const e of events) await f.stores.analytics.record(e);
  const h1 = (
    await f.stores.handoffs.open({ channel: 'zalo', userId: 'a', displayName: null, reason: 'asked' }, D18)
  ).handoff;
  await f.stores.handoffs.take(h1.id, 'lan', new Date(D18.getTime() + 12 * MINUTE));
  await f.stores.handoffs.open({ channel: 'zalo', userId: 'b', displayName: null, reason: 'failures' }, D18);
  srv = await startConsole(f);
  viewer = await Staff.signedIn(srv.url, 'an');
});
afterAll(async () => {
  await srv.stop();
  await dropFixture(f);
});

it('computes messages per day per channel, outcomes, top procedures and aspects, hand-offs, lookups', async () => {
  const r = await viewer.get('/dashboard?from=2025-11-18&to=2025-11-19');
  expect(r.status).toBe(200);
  const fig = r.body.figures;
  expect(fig.days).toEqual(['2025-11-18', '2025-11-19']);
  expect(fig.messages).toEqual([
    { day: '2025-11-18', channel: 'messenger', count: 0 },
    { day: '2025-11-18', channel: 'web', count: 1 },
    { day: '2025-11-18', channel: 'zalo', count: 2 },
    { day: '2025-11-19', channel: 'messenger', count: 1 },
    { day: '2025-11-19', channel: 'web', count: 1 },
    { day: '2025-11-19', channel: 'zalo', count: 2 },
  ]);
  expect(fig.outcomes).toEqual([
    { day: '2025-11-18', answered: 2, notUnderstood: 1 },
    { day: '2025-11-19', answered: 4, notUnderstood: 0 },
  ]);
  expect(fig.procedures).toEqual([
    { procedure: 'khai-sinh', name: 'Đăng ký khai sinh', count: 2 },
    { procedure: 'ket-hon', name: expect.any(String), count: 1 },
  ]);
  expect(fig.aspects).toEqual([
    { aspect: 'fee', count: 2 },
    { aspect: 'documents', count: 1 },
  ]);
  expect(fig.handoffs).toEqual([
    { day: '2025-11-18', opened: 2, taken: 1, averageWaitMinutes: 12, longestWaitMinutes: 12 },
    { day: '2025-11-19', opened: 0, taken: 0, averageWaitMinutes: null, longestWaitMinutes: null },
  ]);
  expect(fig.lookups).toEqual([
    { day: '2025-11-18', count: 0 },
    { day: '2025-11-19', count: 2 },
  ]);
});

it('every table downloads as CSV that Excel reads (UTF-8 BOM, header row)', async () => {
  const r = await viewer.send(
    'GET',
    '/admin/api/dashboard/csv?from=2025-11-18&to=2025-11-19&table=procedures',
  );
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(r.headers.get('content-disposition')).toBe(
    "attachment; filename*=UTF-8''motcua-procedures-2025-11-18-2025-11-19.csv",
  );
  // fetch's text() drops the BOM; the bytes keep it.
  expect(r.text).toMatch(
    /^Mã thủ tục,Tên thủ tục,Lượt hỏi\r\nkhai-sinh,Đăng ký khai sinh,2\r\nket-hon,.+,1\r\n$/,
  );
  const raw = await fetch(`${srv.url}/admin/api/dashboard/csv?from=2025-11-18&to=2025-11-19&table=lookups`, {
    headers: { cookie: viewer.cookie ?? '' },
  });
  const bytes = Buffer.from(await raw.arrayBuffer());
  expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(bytes.subarray(3).toString('utf8')).toBe(
    'Ngày,Lượt tra cứu hồ sơ\r\n18/11/2025,0\r\n19/11/2025,2\r\n',
  );
  for (const table of ['messages', 'outcomes', 'aspects', 'handoffs', 'lookups']) {
    const t = await viewer.send(
      'GET',
      `/admin/api/dashboard/csv?from=2025-11-18&to=2025-11-19&table=${table}`,
    );
    expect(t.status).toBe(200);
    expect(t.text.split('\r\n').length).toBeGreaterThan(2);
  }
});

it('the range defaults to the last 30 days and is checked', async () => {
  expect((await viewer.get('/dashboard')).body.figures.days).toHaveLength(30);
  for (const [q, field] of [
    ['from=2025-11-20&to=2025-11-18', 'from'],
    ['from=2020-01-01&to=2025-11-18', 'to'],
    ['from=18/11/2025', 'from'],
    ['from=2025-02-30', 'from'],
  ]) {
    const r = await viewer.get(`/dashboard?${String(q)}`);
    expect(r.status).toBe(400);
    expect(r.body.problems[0].field).toBe(field);
  }
  expect((await viewer.get('/dashboard/csv?table=everything')).status).toBe(400);
});
