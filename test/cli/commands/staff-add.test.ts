// `npm run -s motcua -- staff add <username> --role admin`: the first admin, from the built CLI, with the
// password on stdin (a terminal would be prompted without echo).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyPassword } from '../../../src/services/staff/password';
import { openSqliteStores } from '../../../src/store/sqlite';
import { ensureBuilt, ROOT } from '../../support/fakes/child-server';

const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');

function run(args: string[], input: string, sqlite: string): { status: number; stderr: string } {
  try {
    execFileSync(process.execPath, [CLI, ...args], {
      input,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', SQLITE_PATH: sqlite },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return { status: 0, stderr: '' };
  } catch (e: any) {
    return { status: e.status, stderr: String(e.stderr) };
  }
}

let dir: string;
beforeAll(() => ensureBuilt(), 120_000);
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-staff-add-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('creates the account with a scrypt hash of the password read from stdin, and audits it', async () => {
  const db = path.join(dir, 'motcua.sqlite');
  expect(run(['staff', 'add', 'Boss', '--role', 'admin'], 'mật khẩu quản trị 2026\n', db).status).toBe(0);
  const stores = openSqliteStores(db);
  try {
    const account = await stores.staff.get('boss');
    expect(account).toMatchObject({ username: 'boss', role: 'admin', disabled: false });
    expect(await verifyPassword('mật khẩu quản trị 2026', account!.passwordHash)).toBe(true);
    expect((await stores.audit.list({ target: 'boss' }, 1))[0]).toMatchObject({
      actor: 'cli',
      action: 'staff.create',
    });
  } finally {
    await stores.close();
  }
  const again = run(['staff', 'add', 'boss', '--role=editor'], 'mật khẩu khác 2026 nhé\n', db);
  expect(again).toEqual({ status: 1, stderr: 'staff add: the username boss is taken\n' });
}, 30_000);

it('--communes makes commune staff; without it the account is province-wide; unknown communes are refused', async () => {
  const db = path.join(dir, 'motcua.sqlite');
  const pw = 'mật khẩu cán bộ xã 2026\n';
  expect(
    run(['staff', 'add', 'xa', '--role', 'editor', '--communes', 'suoi-may,hoa-an'], pw, db).status,
  ).toBe(0);
  expect(run(['staff', 'add', 'tinh', '--role=editor'], pw, db).status).toBe(0);
  expect(run(['staff', 'add', 'la', '--role', 'viewer', '--communes=khong-co'], pw, db)).toEqual({
    status: 2,
    stderr: 'staff add: no commune khong-co in knowledge/communes/ (known: hoa-an, suoi-may)\n',
  });
  expect(run(['staff', 'add', 'rong', '--role', 'viewer', '--communes', ''], pw, db)).toMatchObject({
    status: 2,
    stderr: expect.stringMatching(/^--communes must list commune ids/),
  });
  const stores = openSqliteStores(db);
  try {
    expect((await stores.staff.get('xa'))?.communes).toEqual(['suoi-may', 'hoa-an']);
    expect((await stores.staff.get('tinh'))?.communes).toEqual([]);
    expect(await stores.staff.get('la')).toBeNull();
  } finally {
    await stores.close();
  }
}, 30_000);

it('refuses a bad role, a bad username or a short password, in one English line', () => {
  const db = path.join(dir, 'x.sqlite');
  expect(run(['staff', 'add', 'lan', '--role', 'root'], 'mật khẩu đủ dài\n', db)).toMatchObject({
    status: 2,
    stderr: expect.stringMatching(/^--role must be one of admin, editor, viewer/),
  });
  expect(run(['staff', 'add', 'lan', 'minh', '--role', 'viewer'], 'mật khẩu đủ dài\n', db)).toMatchObject({
    status: 2,
    stderr: expect.stringMatching(/^usage: motcua staff add/),
  });
  expect(run(['staff', 'add', '<script>', '--role', 'viewer'], 'mật khẩu đủ dài\n', db)).toMatchObject({
    status: 2,
    stderr: expect.stringMatching(/^username must be 2–64 characters/),
  });
  expect(run(['staff', 'add', 'lan', '--role', 'viewer'], 'ngắn\n', db)).toEqual({
    status: 1,
    stderr: 'password must be at least 10 characters long\n',
  });
});
