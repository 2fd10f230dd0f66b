// Dossiers through the staff API: search by code, status change with a note (subscribers are told through
// the outbox while their channel's window is open), CSV/XLSX import with a preview before the commit.
import { styleViolations } from '../../../src/dialogue/style-check';
import type { Dossier } from '../../../src/store/ports';
import { codeNo, csv, HEADER, xlsx } from '../../dossiers/fixtures';
import {
  addStaff,
  dropFixture,
  fixture,
  Staff,
  startConsole,
  type ConsoleServer,
  type Fixture,
} from '../support';

const HOUR = 3_600_000;
const CODE = codeNo(7);

let f: Fixture;
let srv: ConsoleServer;
let editor: Staff;

function dossier(code: string, over: Partial<Dossier> = {}): Dossier {
  const at = new Date('2025-11-18T02:00:00Z');
  return {
    code,
    procedureId: 'khai-sinh',
    applicantName: 'Nguyễn Văn An',
    phone: '0912345678',
    receivedAt: at,
    dueAt: new Date(at.getTime() + 72 * HOUR),
    status: 'processing',
    reason: null,
    note: null,
    history: [{ status: 'processing', at, note: null }],
    updatedAt: at,
    ...over,
  };
}

beforeAll(async () => {
  f = await fixture();
  await addStaff(f.stores, 'lan', 'editor', undefined, ['hoa-an']);
  // Both chat channels configured (the pipeline is not started: nothing is actually sent).
  const env = {
    ZALO_APP_ID: '1234567890',
    ZALO_OA_SECRET_KEY: 'oa-key',
    ZALO_APP_SECRET: 'app-secret',
    ZALO_OA_ACCESS_TOKEN: 'access',
    ZALO_OA_REFRESH_TOKEN: 'refresh',
    MESSENGER_VERIFY_TOKEN: 'verify',
    MESSENGER_APP_SECRET: 'secret',
    MESSENGER_PAGE_ACCESS_TOKEN: 'page-token',
  };
  srv = await startConsole(f, { env, admin: { sessionIdleMs: 24 * HOUR } });
  editor = await Staff.signedIn(srv.url, 'lan');
  await f.stores.dossiers.upsert(dossier(CODE));
});
afterAll(async () => {
  await srv.stop();
  await dropFixture(f);
});

describe('search by code', () => {
  it('finds a dossier however the code is typed, and shows the applicant masked', async () => {
    const r = await editor.get(`/dossiers/${encodeURIComponent(' 000 . 00 . 15 . h12 - 251118 - 0007 ')}`);
    expect(r.status).toBe(200);
    expect(r.body.dossier).toMatchObject({
      code: CODE,
      procedureName: 'Đăng ký khai sinh',
      applicant: 'Nguyễn V*** A',
      phone: '***678',
      status: 'processing',
      statusLabel: 'Đang xử lý',
    });
    expect(r.text).not.toContain('Nguyễn Văn An');
    expect(r.text).not.toContain('0912345678');
    expect((await editor.get(`/dossiers/${codeNo(99)}`)).status).toBe(404);
    const bad = await editor.get('/dossiers/abc');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/không phải mã hồ sơ/);
  });
});

describe('status change', () => {
  it('updates the status with a note, audits it, and tells subscribers whose window is open', async () => {
    const now = f.clock.now();
    await f.stores.subscriptions.add({ code: CODE, channel: 'zalo', userId: 'z-open' }, now);
    await f.stores.contacts.touch('zalo', 'z-open', new Date(now.getTime() - 2 * 24 * HOUR), 'Lan');
    await f.stores.subscriptions.add({ code: CODE, channel: 'messenger', userId: 'm-closed' }, now);
    await f.stores.contacts.touch('messenger', 'm-closed', new Date(now.getTime() - 30 * HOUR), null);
    await f.stores.subscriptions.add({ code: CODE, channel: 'web', userId: 'w-1' }, now);

    const r = await editor.post(`/dossiers/${CODE}/status`, {
      status: 'needs_supplement',
      note: 'Bổ sung bản sao CCCD của người đi khai',
    });
    expect(r.status).toBe(200);
    expect(r.body.dossier).toMatchObject({
      status: 'needs_supplement',
      reason: 'Bổ sung bản sao CCCD của người đi khai',
    });
    expect(r.body.notices).toEqual({ notified: 1, waiting: 2, phone: 'skipped' });

    const [sent] = await f.stores.outbox.recent('zalo', 'z-open', 10);
    if (!sent) throw new Error('no notice was queued for z-open');
    expect(sent.reply.text).toContain(`hồ sơ ${CODE} đã chuyển sang trạng thái "Chờ bổ sung"`);
    expect(sent.reply.text).toContain('Lý do: Bổ sung bản sao CCCD của người đi khai');
    const centreName = f.assistant.knowledge.current().commune.centre_name;
    expect(
      styleViolations([sent.reply], { greet: false, centreName, cannotHelp: false, closing: true }),
    ).toEqual([]);
    expect(await f.stores.outbox.recent('messenger', 'm-closed', 10)).toEqual([]);
    const subs = await f.stores.subscriptions.forCode(CODE);
    expect(subs.map((s) => [s.userId, s.lastNotifiedStatus]).sort()).toEqual([
      ['m-closed', null],
      ['w-1', null],
      ['z-open', 'needs_supplement'],
    ]);

    const [entry] = await f.stores.audit.list({ target: CODE }, 1);
    expect(entry).toMatchObject({
      actor: 'lan',
      action: 'dossier.status',
      before: { status: 'processing' },
      after: { status: 'needs_supplement', note: 'Bổ sung bản sao CCCD của người đi khai' },
    });
    expect((await f.stores.dossiers.get(CODE))!.history.at(-1)).toMatchObject({
      status: 'needs_supplement',
      note: 'Bổ sung bản sao CCCD của người đi khai',
    });
  });

  it('the same status again does not message the citizen twice', async () => {
    const r = await editor.post(`/dossiers/${CODE}/status`, { status: 'needs_supplement', note: null });
    expect(r.body.notices).toEqual({ notified: 0, waiting: 2, phone: 'skipped' });
    expect(await f.stores.outbox.recent('zalo', 'z-open', 10)).toHaveLength(1);
  });

  it('unknown code 404, bad status 400', async () => {
    expect((await editor.post(`/dossiers/${codeNo(98)}/status`, { status: 'returned' })).status).toBe(404);
    const r = await editor.post(`/dossiers/${CODE}/status`, { status: 'lost' });
    expect(r.status).toBe(400);
    expect(r.body.problems[0].field).toBe('status');
  });
});

describe('import', () => {
  const rows = [
    HEADER,
    [
      codeNo(7),
      'Đăng ký khai sinh',
      'Nguyễn Văn An',
      '0912345678',
      '18/11/2025',
      '21/11/2025',
      'Đã có kết quả',
      '',
    ],
    [codeNo(8), 'dang ky ket hon', 'Trần Thị Bình', '', '18/11/2025', '25/11/2025', 'Đang xử lý', ''],
    ['không phải mã', 'Đăng ký khai sinh', 'Lê C', '', '18/11/2025', '21/11/2025', 'Đang xử lý', ''],
    [codeNo(9), 'Thủ tục lạ', 'Lê D', '', '18/11/2025', '21/11/2025', 'Đang xử lý', ''],
  ];
  const send = (body: Buffer, filename: string, dryRun: boolean) =>
    editor.send(
      'POST',
      `/admin/api/dossiers/import?filename=${encodeURIComponent(filename)}&dryRun=${dryRun}`,
      { raw: body },
    );

  it('preview: accepted and rejected rows with reasons, nothing written', async () => {
    const r = await send(csv(rows), 'ho-so.csv', true);
    expect(r.status).toBe(200);
    expect(r.body.report).toMatchObject({ dryRun: true, accepted: 2, created: 1, updated: 1 });
    expect(r.body.report.rejected.map((x: any) => x.row)).toEqual([4, 5]);
    expect(r.body.report.rejected[1].reason).toMatch(/Thủ tục lạ/);
    expect(await f.stores.dossiers.get(codeNo(8))).toBeNull();
    expect((await f.stores.dossiers.get(CODE))!.status).toBe('needs_supplement');
  });

  it('commit (XLSX too): writes, tells subscribers of changed statuses, audits', async () => {
    f.clock.advance(HOUR);
    await f.stores.contacts.touch('zalo', 'z-open', f.clock.now(), null);
    const r = await send(await xlsx(rows), 'ho-so.xlsx', false);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      report: { dryRun: false, accepted: 2, created: 1, updated: 1 },
      notified: 1,
    });
    expect((await f.stores.dossiers.get(codeNo(8)))!.procedureId).toBe('ket-hon');
    expect((await f.stores.outbox.recent('zalo', 'z-open', 10)).at(-1)!.reply.text).toContain(
      '"Đã có kết quả"',
    );
    expect((await f.stores.audit.list({ target: 'ho-so.xlsx' }, 1))[0]).toMatchObject({
      action: 'dossier.import',
      after: { accepted: 2, rejected: 2 },
    });
  });

  it('a file that is not an export is refused with the reason', async () => {
    const r = await send(Buffer.from('hello,world\n1,2\n'), 'x.csv', true);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('invalid_file');
    expect(r.body.message).toMatch(/no header row/);
    expect((await send(Buffer.from('x'), 'x.pdf', true)).body.problems[0]).toEqual({
      field: 'filename',
      reason: 'must end in .csv or .xlsx',
    });
  });
});
