// Province-wide accounts: a province editor changes the shared procedures and reads every commune, but
// changes no commune's data; a province admin changes any commune's; commune staff cannot change the
// shared procedures. Accounts written before communes existed are province-wide.
import {
  addStaff,
  dropFixture,
  fixture,
  Staff,
  startConsole,
  type ConsoleServer,
  type Fixture,
} from '../support';

const CODES = { 'hoa-an': '000.00.15.H12-251118-0001', 'suoi-may': '000.00.27.H12-251118-0001' };
const AT = new Date('2025-11-18T02:00:00Z');
const PROVINCE_EDITOR_ONLY =
  'Biên tập viên cấp tỉnh chỉ sửa thủ tục dùng chung và lệ phí của tỉnh; dữ liệu riêng của một xã/phường do cán bộ xã đó hoặc quản trị cấp tỉnh thay đổi.';

let f: Fixture;
let srv: ConsoleServer;
const handoffs = new Map<string, string>();

beforeAll(async () => {
  f = await fixture();
  await addStaff(f.stores, 'bientap', 'editor');
  await addStaff(f.stores, 'quantri', 'admin');
  await addStaff(f.stores, 'canbo', 'editor', undefined, ['suoi-may']);
  for (const [commune, code] of Object.entries(CODES)) {
    await f.stores.dossiers.upsert({
      code,
      procedureId: 'khai-sinh',
      applicantName: 'Nguyễn Văn An',
      phone: null,
      receivedAt: AT,
      dueAt: AT,
      status: 'processing',
      reason: null,
      note: null,
      history: [],
      updatedAt: AT,
    });
    const { handoff } = await f.stores.handoffs.open(
      { channel: 'zalo', userId: `u-${commune}`, displayName: null, reason: 'asked', commune },
      AT,
    );
    handoffs.set(commune, handoff.id);
  }
  srv = await startConsole(f, { admin: { loginMaxPerIp: 10_000 } });
}, 120_000);
afterAll(async () => {
  await srv.stop();
  await dropFixture(f);
});

it('a province editor publishes a shared procedure and reads every commune, but changes none', async () => {
  const s = await Staff.signedIn(srv.url, 'bientap');
  expect((await s.get('/me')).body).toMatchObject({ role: 'editor', province: true });
  const { procedure, version } = (await s.get('/knowledge/procedures/khai-sinh')).body;
  const published = await s.put('/knowledge/procedures/khai-sinh', {
    procedure,
    baseVersion: version,
    comment: 'kiểm tra',
  });
  expect(published.status).toBe(200);
  for (const [commune, code] of Object.entries(CODES)) {
    const id = handoffs.get(commune) ?? '';
    expect((await s.get(`/dossiers/${code}`)).status).toBe(200);
    expect((await s.get(`/handoffs/${id}`)).status).toBe(200);
    const changes = [
      await s.post(`/dossiers/${code}/status`, { status: 'returned' }),
      await s.post(`/handoffs/${id}/take`),
      await s.post(`/handoffs/${id}/close`),
    ];
    for (const r of changes) expect(r.body).toEqual({ error: 'forbidden', message: PROVINCE_EDITOR_ONLY });
    expect((await f.stores.dossiers.get(code))?.status).toBe('processing');
  }
  const queue = (await s.get('/handoffs')).body.handoffs.map((h: { id: string }) => h.id);
  expect(queue.sort()).toEqual([...handoffs.values()].sort());
  expect((await s.get('/staff')).status).toBe(403);
});

it('a province admin changes any commune; commune staff change theirs but not the shared procedures', async () => {
  const admin = await Staff.signedIn(srv.url, 'quantri');
  const r = await admin.post(`/dossiers/${CODES['hoa-an']}/status`, { status: 'result_ready' });
  expect(r.status).toBe(200);
  const staff = await Staff.signedIn(srv.url, 'canbo');
  expect((await staff.get('/me')).body).toMatchObject({
    province: false,
    communes: [{ id: 'suoi-may', name: expect.any(String) }],
  });
  expect((await staff.post(`/dossiers/${CODES['suoi-may']}/status`, { status: 'result_ready' })).status).toBe(
    200,
  );
  const { procedure } = (await staff.get('/knowledge/procedures/khai-sinh')).body;
  const edit = await staff.put('/knowledge/procedures/khai-sinh', { procedure });
  expect(edit.body).toEqual({
    error: 'forbidden',
    message:
      'Việc này dành cho tài khoản cấp tỉnh; tài khoản của anh/chị chỉ làm việc cho xã/phường của mình.',
  });
});

it('a province admin gives an account its communes; unknown communes are refused', async () => {
  const admin = await Staff.signedIn(srv.url, 'quantri');
  const bad = await admin.patch('/staff/bientap', { communes: ['khong-co'] });
  expect(bad.status).toBe(400);
  expect(bad.body.problems).toEqual([
    { field: 'communes', reason: 'no commune "khong-co" in the knowledge base' },
  ]);
  const ok = await admin.patch('/staff/bientap', { communes: ['hoa-an'] });
  expect(ok.body.account).toMatchObject({ username: 'bientap', communes: ['hoa-an'] });
  // At once: the next request of that account is scoped.
  const s = await Staff.signedIn(srv.url, 'bientap');
  expect((await s.get(`/dossiers/${CODES['suoi-may']}`)).status).toBe(404);
  expect((await s.get(`/dossiers/${CODES['hoa-an']}`)).status).toBe(200);
  const last = await admin.patch('/staff/quantri', { communes: ['hoa-an'] });
  expect(last.body.error).toBe('last_admin');
});

it("a hand-off's history shows what the citizen wrote to that commune only", async () => {
  // One account may write to two communes (the web chat of each, say): each commune's staff read their part.
  for (const [i, commune] of ['hoa-an', 'suoi-may'].entries())
    await f.stores.inbound.insertIfNew({
      channel: 'web',
      messageId: `both-${commune}`,
      userId: 'ca-hai',
      kind: 'text',
      text: `gửi ${commune}`,
      displayName: null,
      sentAt: new Date(AT.getTime() + i),
      receivedAt: new Date(AT.getTime() + i),
      commune,
    });
  const { handoff } = await f.stores.handoffs.open(
    { channel: 'web', userId: 'ca-hai', displayName: null, reason: 'asked', commune: 'suoi-may' },
    AT,
  );
  const s = await Staff.signedIn(srv.url, 'canbo');
  const lines = (await s.get(`/handoffs/${handoff.id}`)).body.messages.map((m: { text: string }) => m.text);
  expect(lines).toEqual(['gửi suoi-may']);
});
