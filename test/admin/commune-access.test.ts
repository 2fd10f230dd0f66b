// Staff of one commune against every endpoint of the staff API, aimed at the other commune's data: no
// answer carries it and nothing of it changes. The table is checked against the router's own list, so a
// new endpoint fails here until it says how it keeps communes apart. Both directions run: the default
// commune (whose old rows name no commune) and the other one.
import path from 'node:path';
import { adminEndpoints } from '../../src/admin/router';
import { loadTrainingData } from '../../src/nlu/training-data';
import { csv, HEADER } from '../dossiers/fixtures';
import { ROOT } from '../support/assistant';
import {
  addStaff,
  dropFixture,
  fixture,
  Staff,
  startConsole,
  type ConsoleServer,
  type Fixture,
  type Res,
} from './support';

const DEFAULT = 'hoa-an';
const OTHER = 'suoi-may';
const AGENCY = new Map([
  [DEFAULT, '000.00.15.H12'],
  [OTHER, '000.00.27.H12'],
]);
const AT = new Date('2025-11-18T03:00:00Z');

/** What one commune has in the store, each piece carrying the commune's id so that a leak is visible. */
interface Seeded {
  commune: string;
  code: string;
  citizen: string;
  handoff: string;
  outbox: string;
  normalized: string;
  /** Strings that appear only in this commune's data. */
  marks: string[];
}

async function seed(f: Fixture, commune: string): Promise<Seeded> {
  const s = f.stores;
  // The default commune's rows are written as before communes existed (no commune named).
  const stored = commune === DEFAULT ? null : commune;
  const citizen = `citizen-${commune}`;
  const code = `${AGENCY.get(commune) ?? commune}-251118-0001`;
  await s.dossiers.upsert({
    code,
    procedureId: 'khai-sinh',
    applicantName: `Người nộp ${commune}`,
    phone: null,
    receivedAt: AT,
    dueAt: new Date('2025-11-21T02:00:00Z'),
    status: 'processing',
    reason: null,
    note: `ghi chú ${commune}`,
    history: [],
    updatedAt: AT,
  });
  await s.inbound.insertIfNew({
    channel: 'zalo',
    messageId: `m-${commune}`,
    userId: citizen,
    kind: 'text',
    text: `tin nhắn của ${commune}`,
    displayName: null,
    sentAt: AT,
    receivedAt: AT,
    commune: stored,
  });
  const { handoff } = await s.handoffs.open(
    { channel: 'zalo', userId: citizen, displayName: `Dân ${commune}`, reason: 'asked', commune: stored },
    AT,
  );
  const [item] = await s.outbox.enqueue(
    [
      {
        channel: 'zalo',
        userId: citizen,
        reply: { text: `trả lời ${commune}`, options: [] },
        inboundReceivedAt: null,
        commune: stored,
      },
    ],
    AT,
  );
  await s.outbox.markFinal(item!.id, 'dead', `lỗi ${commune}`);
  const normalized = `cau hoi cua ${commune}`;
  await s.unanswered.add({
    text: `câu hỏi của ${commune}`,
    normalized,
    intent: 'out_of_scope',
    procedure: null,
    aspect: null,
    confidence: 0.2,
    channel: 'zalo',
    at: AT,
    commune: stored,
  });
  for (const type of ['answer', 'lookup', 'not_understood'] as const)
    await s.analytics.record({
      type,
      channel: 'zalo',
      intent: null,
      procedure: null,
      aspect: null,
      at: AT,
      commune: stored,
    });
  await addStaff(s, `importer-${commune}`, 'editor', undefined, [commune]);
  await s.imports.create(
    {
      file: `so-lieu-${commune}.csv`,
      actor: `importer-${commune}`,
      state: 'done',
      counts: { total: 1, done: 1, created: 1, updated: 0, unchanged: 0, rejected: 0, notified: 0 },
      inFlight: [],
      error: null,
      startedAt: AT,
    },
    AT,
  );
  return {
    commune,
    code,
    citizen,
    handoff: handoff.id,
    outbox: item!.id,
    normalized,
    marks: [
      citizen,
      code,
      `Dân ${commune}`,
      `tin nhắn của ${commune}`,
      `trả lời ${commune}`,
      normalized,
      `so-lieu-${commune}.csv`,
      `ghi chú ${commune}`,
    ],
  };
}

interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  body?: unknown;
  raw?: Buffer;
}

/**
 * Per endpoint (as declared), the calls aimed at the other commune's data. `hidden`: answered 404 (as if
 * it did not exist); `refused`: 403 (not for commune staff); `shown`: 200 with only the caller's data.
 */
type Expect = 'hidden' | 'refused' | 'shown';
interface Case {
  calls: (other: Seeded, mine: Seeded) => Call[];
  expect: Expect;
  /** Answers that list the caller's own data, to show the filter does not simply hide everything. */
  listsMine?: boolean;
}

const known = (() => {
  const { data } = loadTrainingData(path.join(ROOT, 'intents'));
  const e = data.examples.find((x) => x.intent === 'out_of_scope');
  if (!e) throw new Error('intents/ has no out_of_scope example');
  return e.text;
})();
const importCsv = (code: string) =>
  csv([HEADER, [code, 'khai-sinh', 'Người lạ', '', '18/11/2025', '21/11/2025', 'Đã trả kết quả', '']]);

const CASES: Record<string, Case> = {
  'GET /me': { calls: () => [{ method: 'GET', path: '/me' }], expect: 'shown' },
  'POST /logout': { calls: () => [{ method: 'POST', path: '/logout' }], expect: 'shown' },
  'GET /staff': { calls: () => [{ method: 'GET', path: '/staff' }], expect: 'refused' },
  'POST /staff': {
    calls: (o) => [
      {
        method: 'POST',
        path: '/staff',
        body: { username: 'moi', role: 'editor', communes: [o.commune], password: 'mật khẩu đủ dài 123' },
      },
    ],
    expect: 'refused',
  },
  'PATCH /staff/:username': {
    calls: (o) => [{ method: 'PATCH', path: `/staff/importer-${o.commune}`, body: { disabled: true } }],
    expect: 'refused',
  },
  'GET /audit': { calls: () => [{ method: 'GET', path: '/audit' }], expect: 'refused' },
  // Connecting a commune's Zalo OA is the province admin's.
  'GET /channels': { calls: () => [{ method: 'GET', path: '/channels' }], expect: 'refused' },
  'POST /channels/:channel/connect': {
    calls: (o) => [{ method: 'POST', path: '/channels/zalo/connect', body: { commune: o.commune } }],
    expect: 'refused',
  },
  'POST /channels/:channel/callback': {
    calls: () => [{ method: 'POST', path: '/channels/zalo/callback', body: { code: 'c', state: 's' } }],
    expect: 'refused',
  },
  'GET /knowledge': { calls: () => [{ method: 'GET', path: '/knowledge' }], expect: 'shown' },
  'GET /knowledge/review': { calls: () => [{ method: 'GET', path: '/knowledge/review' }], expect: 'shown' },
  'GET /knowledge/procedures/:id': {
    calls: () => [{ method: 'GET', path: '/knowledge/procedures/khai-sinh' }],
    expect: 'shown',
  },
  'POST /knowledge/procedures/:id/preview': {
    calls: () => [
      { method: 'POST', path: '/knowledge/procedures/khai-sinh/preview', body: { procedure: {} } },
    ],
    // The shared procedure is checked (400: an empty one is invalid); no commune's data is involved.
    expect: 'shown',
  },
  'PUT /knowledge/procedures/:id': {
    calls: () => [{ method: 'PUT', path: '/knowledge/procedures/khai-sinh', body: { procedure: {} } }],
    expect: 'refused',
  },
  'GET /knowledge/procedures/:id/history': {
    calls: () => [{ method: 'GET', path: '/knowledge/procedures/khai-sinh/history' }],
    expect: 'shown',
  },
  'POST /knowledge/procedures/:id/restore': {
    calls: () => [{ method: 'POST', path: '/knowledge/procedures/khai-sinh/restore', body: { version: 0 } }],
    expect: 'refused',
  },
  'POST /knowledge/reload': {
    calls: () => [{ method: 'POST', path: '/knowledge/reload' }],
    expect: 'refused',
  },
  'GET /knowledge/export': { calls: () => [{ method: 'GET', path: '/knowledge/export' }], expect: 'shown' },
  'POST /knowledge/import': {
    calls: () => [{ method: 'POST', path: '/knowledge/import?dryRun=false', raw: Buffer.from('x') }],
    expect: 'refused',
  },
  'GET /knowledge/province': {
    calls: () => [{ method: 'GET', path: '/knowledge/province' }],
    expect: 'shown',
  },
  'PUT /knowledge/province': {
    calls: () => [{ method: 'PUT', path: '/knowledge/province', body: { province: {} } }],
    expect: 'refused',
  },
  'GET /knowledge/communes/:id': {
    calls: (o) => [{ method: 'GET', path: `/knowledge/communes/${o.commune}` }],
    expect: 'hidden',
  },
  'PUT /knowledge/communes/:id': {
    calls: (o) => [{ method: 'PUT', path: `/knowledge/communes/${o.commune}`, body: { commune: {} } }],
    expect: 'hidden',
  },
  'PUT /knowledge/communes/:id/overrides/:procedure': {
    calls: (o) => [
      {
        method: 'PUT',
        path: `/knowledge/communes/${o.commune}/overrides/khai-sinh`,
        body: { override: null },
      },
    ],
    expect: 'hidden',
  },
  'GET /inbox': { calls: () => [{ method: 'GET', path: '/inbox' }], expect: 'shown', listsMine: true },
  'POST /inbox/assign': {
    calls: (o) => [
      {
        method: 'POST',
        path: '/inbox/assign',
        body: { normalized: o.normalized, text: known, intent: 'out_of_scope' },
      },
    ],
    expect: 'shown',
  },
  'POST /inbox/out-of-scope': {
    calls: (o) => [
      { method: 'POST', path: '/inbox/out-of-scope', body: { normalized: o.normalized, text: known } },
    ],
    expect: 'shown',
  },
  'POST /inbox/faq': {
    calls: (o) => [
      {
        method: 'POST',
        path: '/inbox/faq',
        body: { normalized: o.normalized, procedure: 'khai-sinh', q: 'Hỏi?', a: 'Đáp.' },
      },
    ],
    expect: 'refused',
  },
  'GET /training/examples': { calls: () => [{ method: 'GET', path: '/training/examples' }], expect: 'shown' },
  'POST /training/examples/remove': {
    calls: () => [{ method: 'POST', path: '/training/examples/remove', body: { text: known } }],
    expect: 'refused',
  },
  'GET /dossiers/imports': {
    calls: () => [{ method: 'GET', path: '/dossiers/imports' }],
    expect: 'shown',
    listsMine: true,
  },
  'GET /dossiers/:code': { calls: (o) => [{ method: 'GET', path: `/dossiers/${o.code}` }], expect: 'hidden' },
  'POST /dossiers/:code/status': {
    calls: (o) => [{ method: 'POST', path: `/dossiers/${o.code}/status`, body: { status: 'returned' } }],
    expect: 'hidden',
  },
  'POST /dossiers/import': {
    calls: (o) => [
      { method: 'POST', path: '/dossiers/import?filename=x.csv&dryRun=false', raw: importCsv(o.code) },
    ],
    // The file is taken; the other commune's row is refused (its code is named only in the refusal).
    expect: 'shown',
  },
  'GET /handoffs': {
    calls: () => [
      { method: 'GET', path: '/handoffs' },
      { method: 'GET', path: '/handoffs?state=taken' },
      { method: 'GET', path: '/handoffs?state=closed&days=90' },
    ],
    expect: 'shown',
    listsMine: true,
  },
  'GET /handoffs/:id': {
    calls: (o) => [{ method: 'GET', path: `/handoffs/${o.handoff}` }],
    expect: 'hidden',
  },
  'POST /handoffs/:id/take': {
    calls: (o) => [{ method: 'POST', path: `/handoffs/${o.handoff}/take` }],
    expect: 'hidden',
  },
  'POST /handoffs/:id/reply': {
    calls: (o) => [{ method: 'POST', path: `/handoffs/${o.handoff}/reply`, body: { text: 'Chào anh chị' } }],
    expect: 'hidden',
  },
  'POST /handoffs/:id/close': {
    calls: (o) => [{ method: 'POST', path: `/handoffs/${o.handoff}/close` }],
    expect: 'hidden',
  },
  'GET /outbox/dead-letters': {
    calls: () => [{ method: 'GET', path: '/outbox/dead-letters' }],
    expect: 'shown',
    listsMine: true,
  },
  'POST /outbox/:id/resend': {
    calls: (o) => [{ method: 'POST', path: `/outbox/${o.outbox}/resend` }],
    expect: 'hidden',
  },
  'GET /dashboard': {
    calls: () => [{ method: 'GET', path: '/dashboard?from=2025-11-18&to=2025-11-18' }],
    expect: 'shown',
  },
  'GET /dashboard/csv': {
    calls: () => [{ method: 'GET', path: '/dashboard/csv?from=2025-11-18&to=2025-11-18&table=lookups' }],
    expect: 'shown',
  },
  'GET /dashboard/communes': {
    calls: () => [{ method: 'GET', path: '/dashboard/communes' }],
    expect: 'refused',
  },
  'GET /citizens/:channel/:userId/export': {
    calls: (o) => [{ method: 'GET', path: `/citizens/zalo/${o.citizen}/export` }],
    expect: 'refused',
  },
  'POST /citizens/:channel/:userId/erase': {
    calls: (o) => [{ method: 'POST', path: `/citizens/zalo/${o.citizen}/erase` }],
    expect: 'refused',
  },
};

let f: Fixture;
let srv: ConsoleServer;
const data: Record<string, Seeded> = {};

beforeAll(async () => {
  f = await fixture();
  for (const c of [DEFAULT, OTHER]) {
    data[c] = await seed(f, c);
    await addStaff(f.stores, `admin-${c}`, 'admin', undefined, [c]);
  }
  srv = await startConsole(f, { admin: { loginMaxPerIp: 10_000 } });
}, 120_000);
afterAll(async () => {
  await srv.stop();
  await dropFixture(f);
});

it('the table covers every endpoint the API declares', () => {
  const declared = adminEndpoints(srv.deps).map((e) => `${e.method.toUpperCase()} ${e.path}`);
  expect(Object.keys(CASES).sort()).toEqual([...new Set(declared)].sort());
});

/** Everything of a commune that a call could have changed. */
async function snapshot(d: Seeded) {
  const s = f.stores;
  const groups = await s.unanswered.grouped(100, null);
  return {
    dossier: await s.dossiers.get(d.code),
    handoff: await s.handoffs.get(d.handoff),
    outbox: await s.outbox.get(d.outbox),
    group: groups.find((g) => g.normalized === d.normalized) ?? null,
    importer: (await s.staff.get(`importer-${d.commune}`))?.disabled,
    knowledge: await s.knowledge.revision(),
  };
}

const send = (s: Staff, c: Call): Promise<Res> =>
  s.send(
    c.method,
    `/admin/api${c.path}`,
    c.raw ? { raw: c.raw } : c.method === 'GET' ? {} : { body: c.body ?? {} },
  );

describe.each([
  [OTHER, DEFAULT],
  [DEFAULT, OTHER],
])('staff of %s against the data of %s', (mine, theirs) => {
  describe.each(['editor', 'admin'] as const)('as commune %s', (role) => {
    it.each(Object.keys(CASES))('%s', async (key) => {
      const c = CASES[key]!;
      const username = role === 'admin' ? `admin-${mine}` : `importer-${mine}`;
      const s = await Staff.signedIn(srv.url, username);
      const other = data[theirs]!;
      const own = data[mine]!;
      const before = await snapshot(other);
      for (const [i, call] of c.calls(other, own).entries()) {
        const r = await send(s, call);
        if (c.expect === 'hidden') expect({ key, status: r.status }).toEqual({ key, status: 404 });
        if (c.expect === 'refused') expect({ key, status: r.status }).toEqual({ key, status: 403 });
        if (c.expect === 'shown')
          expect({ key, status: r.status }).toEqual({ key, status: expect.any(Number) });
        // What the caller sent may be echoed ("The dossier … does not exist", a refused import row).
        const sent = `${call.path} ${JSON.stringify(call.body ?? null)} ${call.raw?.toString('utf8') ?? ''}`;
        const leaked = other.marks.filter((m) => r.text.includes(m) && !sent.includes(m));
        expect({ key, leaked }).toEqual({ key, leaked: [] });
        if (c.listsMine && i === 0)
          expect({ key, mine: own.marks.some((m) => r.text.includes(m)) }).toEqual({ key, mine: true });
      }
      expect(await snapshot(other)).toEqual(before);
    });
  });
});
