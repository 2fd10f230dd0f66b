// Every role against every endpoint of the staff API, allowed and refused, calling the API directly (a
// viewer cannot change anything even without the console). The table must list every endpoint. The
// viewer and the editor work for the default commune, the admin for the whole province; what commune
// staff may not reach at all is marked `province` (test/admin/commune-access.test.ts covers the rest).
import { adminEndpoints } from '../../src/admin/router';
import { ROLE_NAME } from '../../src/admin/auth/roles';
import type { StaffRole } from '../../src/store/ports';
import {
  addStaff,
  dropFixture,
  fixture,
  ROLES,
  Staff,
  startConsole,
  type ConsoleServer,
  type Fixture,
} from './support';

const CODE = '000.00.15.H12-251118-0007';
const MISSING = '999999';

interface Case {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** As declared (for the coverage check) and as called. */
  route: string;
  path: string;
  role: StaffRole;
  body?: unknown;
  raw?: Buffer;
  /** The answer when the role is allowed (invalid bodies keep the calls cheap and side-effect free). */
  allowed: number;
  /** Only for province-wide accounts (the commune editor and viewer are refused). */
  province?: true;
}

const CASES: Case[] = [
  { method: 'GET', route: '/me', path: '/me', role: 'viewer', allowed: 200 },
  { method: 'POST', route: '/logout', path: '/logout', role: 'viewer', allowed: 200 },
  { method: 'GET', route: '/staff', path: '/staff', role: 'admin', allowed: 200, province: true },
  {
    method: 'POST',
    route: '/staff',
    path: '/staff',
    role: 'admin',
    body: { username: 'x' },
    allowed: 400,
    province: true,
  },
  {
    method: 'PATCH',
    route: '/staff/:username',
    path: '/staff/nobody',
    role: 'admin',
    body: { role: 'viewer' },
    allowed: 404,
    province: true,
  },
  { method: 'GET', route: '/audit', path: '/audit', role: 'admin', allowed: 200, province: true },
  { method: 'GET', route: '/channels', path: '/channels', role: 'admin', allowed: 200, province: true },
  // No channel can connect accounts in this console: 409 once the role is allowed.
  {
    method: 'POST',
    route: '/channels/:channel/connect',
    path: '/channels/zalo/connect',
    role: 'admin',
    body: { commune: 'hoa-an' },
    allowed: 409,
    province: true,
  },
  {
    method: 'POST',
    route: '/channels/:channel/callback',
    path: '/channels/zalo/callback',
    role: 'admin',
    body: { code: 'c', state: 's' },
    allowed: 409,
    province: true,
  },
  { method: 'GET', route: '/knowledge', path: '/knowledge?q=khai', role: 'viewer', allowed: 200 },
  { method: 'GET', route: '/knowledge/review', path: '/knowledge/review', role: 'viewer', allowed: 200 },
  {
    method: 'GET',
    route: '/knowledge/procedures/:id',
    path: '/knowledge/procedures/khai-sinh',
    role: 'viewer',
    allowed: 200,
  },
  {
    method: 'POST',
    route: '/knowledge/procedures/:id/preview',
    path: '/knowledge/procedures/khai-sinh/preview',
    role: 'viewer',
    body: { procedure: {} },
    allowed: 400,
  },
  {
    method: 'PUT',
    route: '/knowledge/procedures/:id',
    path: '/knowledge/procedures/khai-sinh',
    role: 'editor',
    body: { procedure: {} },
    allowed: 400,
    province: true,
  },
  {
    method: 'GET',
    route: '/knowledge/procedures/:id/history',
    path: '/knowledge/procedures/khai-sinh/history',
    role: 'viewer',
    allowed: 200,
  },
  {
    method: 'POST',
    route: '/knowledge/procedures/:id/restore',
    path: '/knowledge/procedures/khai-sinh/restore',
    role: 'editor',
    body: { version: 99 },
    allowed: 404,
    province: true,
  },
  {
    method: 'POST',
    route: '/knowledge/reload',
    path: '/knowledge/reload',
    role: 'editor',
    allowed: 200,
    province: true,
  },
  { method: 'GET', route: '/knowledge/export', path: '/knowledge/export', role: 'viewer', allowed: 200 },
  {
    method: 'POST',
    route: '/knowledge/import',
    path: '/knowledge/import?dryRun=true',
    role: 'editor',
    raw: Buffer.from('not an archive'),
    allowed: 422,
    province: true,
  },
  { method: 'GET', route: '/inbox', path: '/inbox', role: 'viewer', allowed: 200 },
  {
    method: 'POST',
    route: '/inbox/assign',
    path: '/inbox/assign',
    role: 'editor',
    body: { text: 'x', intent: 'nonsense' },
    allowed: 400,
  },
  {
    method: 'POST',
    route: '/inbox/out-of-scope',
    path: '/inbox/out-of-scope',
    role: 'editor',
    body: {},
    allowed: 400,
  },
  {
    method: 'POST',
    route: '/inbox/faq',
    path: '/inbox/faq',
    role: 'editor',
    body: {},
    allowed: 400,
    province: true,
  },
  { method: 'GET', route: '/training/examples', path: '/training/examples', role: 'viewer', allowed: 200 },
  {
    method: 'POST',
    route: '/training/examples/remove',
    path: '/training/examples/remove',
    role: 'editor',
    body: { text: 'không có câu này' },
    allowed: 409,
    province: true,
  },
  { method: 'GET', route: '/dossiers/:code', path: `/dossiers/${CODE}`, role: 'viewer', allowed: 200 },
  {
    method: 'POST',
    route: '/dossiers/:code/status',
    path: `/dossiers/${CODE}/status`,
    role: 'editor',
    body: { status: 'lost' },
    allowed: 400,
  },
  {
    method: 'POST',
    route: '/dossiers/import',
    path: '/dossiers/import?filename=x.csv&dryRun=true',
    role: 'editor',
    raw: Buffer.from(''),
    allowed: 400,
  },
  { method: 'GET', route: '/handoffs', path: '/handoffs', role: 'viewer', allowed: 200 },
  { method: 'GET', route: '/handoffs/:id', path: `/handoffs/${MISSING}`, role: 'viewer', allowed: 404 },
  {
    method: 'POST',
    route: '/handoffs/:id/take',
    path: `/handoffs/${MISSING}/take`,
    role: 'editor',
    allowed: 404,
  },
  {
    method: 'POST',
    route: '/handoffs/:id/reply',
    path: `/handoffs/${MISSING}/reply`,
    role: 'editor',
    body: { text: 'Dạ' },
    allowed: 404,
  },
  {
    method: 'POST',
    route: '/handoffs/:id/close',
    path: `/handoffs/${MISSING}/close`,
    role: 'editor',
    allowed: 404,
  },
  { method: 'GET', route: '/dashboard', path: '/dashboard', role: 'viewer', allowed: 200 },
  { method: 'GET', route: '/knowledge/province', path: '/knowledge/province', role: 'viewer', allowed: 200 },
  {
    method: 'PUT',
    route: '/knowledge/province',
    path: '/knowledge/province',
    role: 'editor',
    body: { province: {} },
    allowed: 400,
    province: true,
  },
  {
    method: 'GET',
    route: '/knowledge/communes/:id',
    path: '/knowledge/communes/hoa-an',
    role: 'viewer',
    allowed: 200,
  },
  {
    method: 'PUT',
    route: '/knowledge/communes/:id',
    path: '/knowledge/communes/hoa-an',
    role: 'editor',
    body: { commune: {} },
    allowed: 400,
  },
  {
    method: 'PUT',
    route: '/knowledge/communes/:id/overrides/:procedure',
    path: '/knowledge/communes/hoa-an/overrides/khai-sinh',
    role: 'editor',
    body: { override: 'không phải một bản sửa' },
    allowed: 400,
  },
  {
    method: 'GET',
    route: '/dashboard/communes',
    path: '/dashboard/communes',
    role: 'viewer',
    allowed: 200,
    province: true,
  },
  {
    method: 'GET',
    route: '/dashboard/csv',
    path: '/dashboard/csv?table=outcomes',
    role: 'viewer',
    allowed: 200,
  },
  { method: 'GET', route: '/dossiers/imports', path: '/dossiers/imports', role: 'viewer', allowed: 200 },
  {
    method: 'GET',
    route: '/citizens/:channel/:userId/export',
    path: '/citizens/zalo/nobody/export',
    role: 'admin',
    allowed: 200,
    province: true,
  },
  {
    method: 'POST',
    route: '/citizens/:channel/:userId/erase',
    path: '/citizens/zalo/nobody/erase',
    role: 'admin',
    allowed: 200,
    province: true,
  },
  {
    method: 'GET',
    route: '/outbox/dead-letters',
    path: '/outbox/dead-letters',
    role: 'viewer',
    allowed: 200,
  },
  {
    method: 'POST',
    route: '/outbox/:id/resend',
    path: '/outbox/999999/resend',
    role: 'editor',
    allowed: 404,
  },
];

const RANK: Record<StaffRole, number> = { viewer: 0, editor: 1, admin: 2 };

let f: Fixture;
let srv: ConsoleServer;
beforeAll(async () => {
  f = await fixture();
  for (const r of ROLES) await addStaff(f.stores, r, r, undefined, r === 'admin' ? [] : ['hoa-an']);
  await f.stores.dossiers.upsert({
    code: CODE,
    procedureId: 'khai-sinh',
    applicantName: 'Nguyễn Văn An',
    phone: null,
    receivedAt: new Date('2025-11-18T02:00:00Z'),
    dueAt: new Date('2025-11-21T02:00:00Z'),
    status: 'processing',
    reason: null,
    note: null,
    history: [],
    updatedAt: new Date('2025-11-18T02:00:00Z'),
  });
  srv = await startConsole(f, { admin: { loginMaxPerIp: 10_000 } });
});
afterAll(async () => {
  await srv.stop();
  await dropFixture(f);
});

const call = (s: Staff, c: Case) =>
  s.send(
    c.method,
    `/admin/api${c.path}`,
    c.raw
      ? { raw: c.raw }
      : c.body === undefined
        ? c.method === 'GET'
          ? {}
          : { body: {} }
        : { body: c.body },
  );

it('the table covers every endpoint the API declares, with the declared least role', () => {
  const declared = adminEndpoints(srv.deps)
    .map((e) => `${e.method.toUpperCase()} ${e.path} ${e.role} ${e.reach === 'province'}`)
    .sort();
  expect(CASES.map((c) => `${c.method} ${c.route} ${c.role} ${c.province === true}`).sort()).toEqual(
    declared,
  );
});

describe.each(CASES)('$method $route (least role: $role)', (c) => {
  it('anonymous: 401', async () => {
    const r = await call(new Staff(srv.url), c);
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('unauthenticated');
  });

  it.each(ROLES)('%s', async (role) => {
    const s = await Staff.signedIn(srv.url, role);
    const r = await call(s, c);
    if (RANK[role] >= RANK[c.role] && c.province && role !== 'admin') {
      expect(r.body).toEqual({
        error: 'forbidden',
        message:
          'Việc này dành cho tài khoản cấp tỉnh; tài khoản của anh/chị chỉ làm việc cho xã/phường của mình.',
      });
    } else if (RANK[role] >= RANK[c.role]) {
      expect({ status: r.status, error: r.body?.error }).toEqual({
        status: c.allowed,
        error: c.allowed === 200 ? undefined : expect.any(String),
      });
    } else {
      expect(r.status).toBe(403);
      expect(r.body).toMatchObject({
        error: 'forbidden',
        message: `Việc này cần quyền ${ROLE_NAME[c.role]} trở lên; tài khoản đang đăng nhập có quyền ${ROLE_NAME[role]}.`,
      });
    }
  });
});

it('a refused change leaves nothing behind (no version, no audit entry)', async () => {
  const viewer = await Staff.signedIn(srv.url, 'viewer');
  const before = await f.stores.audit.list({ actor: 'viewer' }, 100);
  const { procedure } = (await viewer.get('/knowledge/procedures/khai-sinh')).body;
  expect((await viewer.put('/knowledge/procedures/khai-sinh', { procedure })).status).toBe(403);
  expect((await viewer.post(`/dossiers/${CODE}/status`, { status: 'returned' })).status).toBe(403);
  expect(await f.stores.knowledge.revision()).toBe(0);
  expect((await f.stores.dossiers.get(CODE))?.status).toBe('processing');
  expect(
    (await f.stores.audit.list({ actor: 'viewer' }, 100)).filter((e) => e.action !== 'staff.login'),
  ).toEqual(before.filter((e) => e.action !== 'staff.login'));
});

it('an unknown API path answers 401 to strangers and 404 to staff', async () => {
  expect((await new Staff(srv.url).send('GET', '/admin/api/nothing')).status).toBe(401);
  const s = await Staff.signedIn(srv.url, 'viewer');
  const r = await s.get('/nothing');
  expect(r.status).toBe(404);
  expect(r.body.message).toBe('Không có chức năng này: GET /nothing');
});
