// Staff accounts (admins only): create with a hashed password, change role, disable (signs out), reset a
// password (signs out everywhere), and never lock out the last admin. Every change is audited.
import { verifyPassword } from '../../../src/services/staff/password';
import {
  addStaff,
  dropFixture,
  fixture,
  PASSWORD,
  Staff,
  startConsole,
  type ConsoleServer,
  type Fixture,
} from '../support';

let f: Fixture;
let srv: ConsoleServer;
let admin: Staff;

beforeAll(async () => {
  f = await fixture();
  await addStaff(f.stores, 'boss', 'admin');
  srv = await startConsole(f);
  admin = await Staff.signedIn(srv.url, 'boss');
});
afterAll(async () => {
  await srv.stop();
  await dropFixture(f);
});

it('creates an account; the password is stored only as a scrypt hash and never shown', async () => {
  const r = await admin.post('/staff', {
    username: ' Lan.Nguyen ',
    role: 'editor',
    password: 'mật khẩu mới dài',
  });
  expect(r.status).toBe(200);
  expect(r.body.account).toEqual({
    username: 'lan.nguyen',
    role: 'editor',
    communes: [],
    disabled: false,
    createdAt: expect.any(String),
    updatedAt: expect.any(String),
  });
  const stored = await f.stores.staff.get('lan.nguyen');
  expect(stored!.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
  expect(await verifyPassword('mật khẩu mới dài', stored!.passwordHash)).toBe(true);
  const list = await admin.get('/staff');
  expect(list.text).not.toContain('scrypt');
  expect(list.body.accounts.map((a: any) => a.username)).toEqual(['boss', 'lan.nguyen']);
  expect(
    (await admin.post('/staff', { username: 'lan.nguyen', role: 'viewer', password: 'mật khẩu mới dài' }))
      .status,
  ).toBe(409);
  const [entry] = await f.stores.audit.list({ target: 'lan.nguyen' }, 1);
  expect(entry).toMatchObject({
    actor: 'boss',
    action: 'staff.create',
    before: null,
    after: { username: 'lan.nguyen', role: 'editor' },
  });
  expect(JSON.stringify(entry)).not.toContain('mật khẩu');
});

it('role change, disable (signs the person out) and password reset (signs out everywhere)', async () => {
  await addStaff(f.stores, 'hoa', 'viewer');
  const hoa = await Staff.signedIn(srv.url, 'hoa');
  expect((await admin.patch('/staff/hoa', { role: 'editor' })).body.account.role).toBe('editor');
  expect((await hoa.get('/me')).body.role).toBe('editor');

  expect((await admin.patch('/staff/hoa', { password: 'một mật khẩu khác hẳn' })).status).toBe(200);
  expect((await hoa.get('/me')).status).toBe(401);
  expect((await new Staff(srv.url).login('hoa', PASSWORD)).status).toBe(401);
  const again = await Staff.signedIn(srv.url, 'hoa', 'một mật khẩu khác hẳn');

  expect((await admin.patch('/staff/hoa', { disabled: true })).body.account.disabled).toBe(true);
  expect((await again.get('/me')).status).toBe(401);
  const audit = (await f.stores.audit.list({ target: 'hoa' }, 10)).filter((e) => e.action !== 'staff.login');
  expect(audit.map((e) => e.action)).toEqual(['staff.update', 'staff.update', 'staff.update']);
  expect(audit[1]?.after).toMatchObject({ password: 'changed' });
  expect(JSON.stringify(audit)).not.toContain('một mật khẩu khác hẳn');
});

it('the last active admin cannot be demoted or disabled', async () => {
  for (const change of [{ role: 'editor' }, { disabled: true }]) {
    const r = await admin.patch('/staff/boss', change);
    expect(r.status).toBe(409);
    expect(r.body.message).toBe(
      'Đây là tài khoản quản trị cấp tỉnh cuối cùng còn hoạt động; xin cấp quyền quản trị tỉnh cho người khác trước.',
    );
  }
  await addStaff(f.stores, 'second', 'admin');
  expect((await admin.patch('/staff/second', { disabled: true })).status).toBe(200);
  expect((await admin.patch('/staff/boss', { role: 'editor' })).status).toBe(409);
});
