// `motcua dossiers import` as an operator runs it: the built CLI on real CSV and XLSX files, the report
// on stdout, exit codes, and the citizens subscribed to a changed dossier told (chat and ZNS).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStores } from '../../src/store/sqlite';
import { HEADER, codeNo, csv, xlsx } from '../dossiers/fixtures';
import { ROOT } from '../support/assistant';
import { FakeZalo } from '../support/fakes/fake-zalo';

const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const APP_ID = '1234567890123456789';
const APP_SECRET = 'import-app-secret';

let dir: string;
let sqlite: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-import-'));
  sqlite = path.join(dir, 'motcua.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI without blocking this process (fake APIs answer from here). */
function motcua(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      // MONGODB_URI is cleared: these runs use their own SQLite file even when the MongoDB leg is on.
      {
        cwd: dir,
        env: { PATH: process.env['PATH'] ?? '', SQLITE_PATH: sqlite, MONGODB_URI: '', ...env },
        encoding: 'utf8',
      },
      (err, stdout, stderr) => resolve({ status: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const write = (name: string, content: Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

const row = (n: number, status: string, procedure = 'Đăng ký khai sinh', phone = '') => [
  codeNo(n),
  procedure,
  'Nguyễn Văn An',
  phone,
  '18/11/2025',
  '21/11/2025',
  status,
  '',
];

async function stored<T>(read: (s: ReturnType<typeof openSqliteStores>) => Promise<T>): Promise<T> {
  const s = openSqliteStores(sqlite);
  try {
    return await read(s);
  } finally {
    await s.close();
  }
}

test('a CSV export: procedures by name or id, the report with every rejected row, then an idempotent re-run', async () => {
  const file = write(
    'export.csv',
    csv([
      HEADER,
      row(1, 'Đang xử lý'),
      row(2, 'Mới tiếp nhận', 'ket-hon'),
      row(3, 'Đã xong', 'KHAI-SINH'),
      row(4, 'Đang xử lý', 'Cấp hộ chiếu'),
    ]),
  );
  const first = await motcua(['dossiers', 'import', file]);
  expect(first).toMatchObject({ status: 0, stderr: 'dossiers import: 2/2 rows written\n' });
  expect(first.stdout).toBe(
    [
      'export.csv: 2 accepted (2 created, 0 updated, 0 unchanged), 2 rejected',
      '  row 4: "Trạng thái" "Đã xong" không phải trạng thái đã biết',
      '  row 5: "Thủ tục" "Cấp hộ chiếu" không khớp mã hay tên thủ tục nào',
      "notifications: 0 queued for subscribed citizens, 0 waiting for the citizen's next message",
      '',
    ].join('\n'),
  );
  expect(await stored((s) => s.dossiers.get(codeNo(2)))).toMatchObject({
    procedureId: 'ket-hon',
    status: 'received',
  });
  expect(await stored((s) => s.audit.list({ actor: 'cli' }, 10))).toMatchObject([
    { action: 'dossier.import', target: 'export.csv', after: { created: 2 } },
  ]);
  const again = await motcua(['dossiers', 'import', file]);
  expect(again.stdout.split('\n')[0]).toBe(
    'export.csv: 2 accepted (0 created, 0 updated, 2 unchanged), 2 rejected',
  );
});

test('an XLSX workbook imports the same way; --dry-run reports without writing', async () => {
  const file = write(
    'export.xlsx',
    await xlsx([
      ['Báo cáo hồ sơ'],
      HEADER,
      [
        codeNo(1),
        'khai-sinh',
        'Lê Thị Cúc',
        912345678,
        new Date(Date.UTC(2025, 10, 18)),
        '21/11/2025',
        'Đã có kết quả',
        null,
      ],
    ]),
  );
  const dry = await motcua(['dossiers', 'import', file, '--dry-run']);
  expect(dry.stdout).toBe(
    'export.xlsx: 1 accepted (1 created, 0 updated, 0 unchanged), 0 rejected\ndry run: nothing was written\n',
  );
  expect(await stored((s) => s.dossiers.count())).toBe(0);
  expect((await motcua(['dossiers', 'import', file])).status).toBe(0);
  expect(await stored((s) => s.dossiers.get(codeNo(1)))).toMatchObject({
    applicantName: 'Lê Thị Cúc',
    phone: '0912345678',
    status: 'result_ready',
  });
});

test('a file rejected as a whole: one line on stderr, exit 1, nothing written; bad usage exits 2', async () => {
  const fake = write('export.xlsx', csv([HEADER, row(1, 'Đang xử lý')]));
  expect(await motcua(['dossiers', 'import', fake])).toEqual({
    status: 1,
    stdout: '',
    stderr: 'dossiers import: export.xlsx is not an Excel workbook: it is text (a CSV file?)\n',
  });
  const noHeader = write(
    'list.csv',
    csv([
      ['Mã hồ sơ', 'Người nộp'],
      [codeNo(1), 'An'],
    ]),
  );
  expect((await motcua(['dossiers', 'import', noHeader])).stderr).toMatch(
    /^dossiers import: list\.csv: no header row with the required columns .*\n$/,
  );
  expect((await motcua(['dossiers', 'import', path.join(dir, 'missing.csv')])).stderr).toBe(
    `dossiers import: cannot read ${path.join(dir, 'missing.csv')}: ENOENT\n`,
  );
  expect(await stored((s) => s.dossiers.count())).toBe(0);
  expect((await motcua(['dossiers', 'import'])).status).toBe(2);
  expect((await motcua(['dossiers', 'import', fake, '--force'])).status).toBe(2);
});

describe('notifications', () => {
  let zalo: FakeZalo;
  beforeEach(async () => {
    zalo = new FakeZalo({ appId: APP_ID, appSecret: APP_SECRET, accessToken: 'AT-1', refreshToken: 'RT-1' });
    await zalo.start();
  });
  afterEach(() => zalo.stop());

  test('a changed status is queued for the subscriber in the window and sent by ZNS to the applicant, never printing the phone', async () => {
    const env = {
      ZALO_APP_ID: APP_ID,
      ZALO_OA_SECRET_KEY: 'oa-key',
      ZALO_APP_SECRET: APP_SECRET,
      ZALO_OA_REFRESH_TOKEN: 'RT-1',
      ZALO_API_BASE: zalo.url,
      ZALO_OAUTH_BASE: zalo.url,
      ZALO_ZNS_API_BASE: zalo.url,
      ZALO_ZNS_TEMPLATE_ID: 'tpl-1',
    };
    const before = write(
      'monday.csv',
      csv([HEADER, row(1, 'Đang xử lý', 'khai-sinh', '0912 345 678'), row(2, 'Đang xử lý')]),
    );
    expect((await motcua(['dossiers', 'import', before], env)).stdout).toContain('ZNS: 0 sent, 0 failed'); // first import: no ZNS
    await stored(async (s) => {
      await s.tokens.put('zalo', {
        accessToken: 'AT-1',
        refreshToken: 'RT-1',
        expiresAt: new Date(Date.now() + 24 * 3_600_000),
      });
      await s.contacts.touch('zalo', 'citizen-1', new Date(), null);
      await s.subscriptions.add({ code: codeNo(1), channel: 'zalo', userId: 'citizen-1' }, new Date());
      await s.subscriptions.add({ code: codeNo(2), channel: 'messenger', userId: 'psid-2' }, new Date()); // messenger is off
    });
    await new Promise((r) => setTimeout(r, 5)); // the change comes after the subscription
    const after = write(
      'tuesday.csv',
      csv([HEADER, row(1, 'Đã có kết quả', 'khai-sinh', '0912 345 678'), row(2, 'Chờ bổ sung')]),
    );
    const run = await motcua(['dossiers', 'import', after], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'tuesday.csv: 2 accepted (0 created, 2 updated, 0 unchanged), 0 rejected',
        "notifications: 1 queued for subscribed citizens, 1 waiting for the citizen's next message",
        'ZNS: 1 sent, 0 failed',
        '',
      ].join('\n'),
    );
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/912\s?345\s?678/);
    const queued = await stored((s) => s.outbox.list({ userId: 'citizen-1' }, 10));
    expect(queued.map((i) => i.reply.text)).toEqual([
      expect.stringContaining(
        `Dạ, em xin thông báo hồ sơ ${codeNo(1)} đã chuyển sang trạng thái "Đã có kết quả".`,
      ),
    ]);
    expect(zalo.znsSent).toEqual([
      expect.objectContaining({
        phone: '84912345678',
        templateId: 'tpl-1',
        data: expect.objectContaining({ ma_ho_so: codeNo(1), trang_thai: 'Đã có kết quả' }),
      }),
    ]);
  });
});
