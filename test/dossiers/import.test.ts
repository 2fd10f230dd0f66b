import { importDossiers, type ImportOptions } from '../../src/dossiers/import';
import { DossierImportError } from '../../src/dossiers/import-error';
import { vnInstant } from '../../src/core/vn-time';
import type { Stores } from '../../src/store/ports';
import { HEADER, codeNo, csv, jobDeps, resolveProcedure, tempStores, xlsx } from './fixtures';

let stores: Stores;
let cleanup: () => Promise<void>;
beforeEach(() => ({ stores, cleanup } = tempStores()));
afterEach(() => cleanup());

const NOW = new Date('2025-11-20T03:00:00Z');
const opts = (over: Partial<ImportOptions> = {}): ImportOptions => ({
  dossiers: stores.dossiers,
  resolveProcedure,
  now: NOW,
  job: jobDeps(stores),
  ...over,
});

const good = (n: number, status = 'Đang xử lý', note = '') => [
  codeNo(n),
  'Đăng ký khai sinh',
  'Nguyễn Văn An',
  '0912 345 678',
  '18/11/2025',
  '21/11/2025',
  status,
  note,
];

describe('importDossiers: CSV', () => {
  test('Vietnamese headers, good rows stored, every bad row reported with its number and reason', async () => {
    const file = csv([
      [
        'MÃ HỒ SƠ',
        'thu tuc',
        'Người nộp',
        'Số điện thoại',
        'Ngày tiếp nhận',
        'Ngày hẹn trả',
        'trang thai',
        'Ghi chú:',
      ],
      good(1),
      [
        ' 000.00.15.h12 - 251118 - 0002 ',
        'ket-hon',
        'Trần Thị Bình',
        '',
        '18/11/2025 08:30',
        '25/11/2025',
        'cho bo sung',
        'Thiếu CCCD bản sao',
      ],
      ['12345', 'khai-sinh', 'A', '', '18/11/2025', '21/11/2025', 'Đang xử lý', ''],
      [codeNo(4), 'Cấp hộ chiếu', 'B', '', '18/11/2025', '21/11/2025', 'Đang xử lý', ''],
      [codeNo(5), 'khai-sinh', 'C', '', '31/02/2025', '21/11/2025', 'Đang xử lý', ''],
      [codeNo(6), 'khai-sinh', 'D', '', '18/11/2025', '17/11/2025', 'Đang xử lý', ''],
      [codeNo(7), 'khai-sinh', 'E', '', '18/11/2025', '21/11/2025', 'Đã nộp tiền', ''],
      [codeNo(8), 'khai-sinh', 'F', '12345', '18/11/2025', '21/11/2025', 'Đang xử lý', ''],
      [codeNo(9), 'khai-sinh', '', '', '18/11/2025', '21/11/2025', 'Đang xử lý', ''],
      good(1, 'Đã có kết quả'),
      [],
      good(10, 'da tra ket qua'),
    ]);
    const report = await importDossiers(file, 'export.csv', opts());
    expect(report).toMatchObject({
      file: 'export.csv',
      dryRun: false,
      accepted: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    expect(report.rejected).toEqual([
      { row: 4, reason: '"Mã hồ sơ" "12345" không phải mã hồ sơ (dạng 000.00.15.H12-251118-0007)' },
      { row: 5, reason: '"Thủ tục" "Cấp hộ chiếu" không khớp mã hay tên thủ tục nào' },
      { row: 6, reason: '"Ngày tiếp nhận" "31/02/2025" không phải ngày (dd/mm/yyyy)' },
      { row: 7, reason: '"Ngày hẹn trả" trước "Ngày tiếp nhận"' },
      { row: 8, reason: '"Trạng thái" "Đã nộp tiền" không phải trạng thái đã biết' },
      { row: 9, reason: '"Số điện thoại" "12345" không phải số điện thoại Việt Nam' },
      { row: 10, reason: '"Người nộp" đang trống' },
      { row: 11, reason: `mã ${codeNo(1)} đã có ở dòng 2` },
    ]);
    expect(await stores.dossiers.count()).toBe(3);

    const first = await stores.dossiers.get(codeNo(1));
    expect(first).toMatchObject({
      procedureId: 'khai-sinh',
      applicantName: 'Nguyễn Văn An',
      phone: '0912345678',
      receivedAt: vnInstant(2025, 11, 18),
      dueAt: vnInstant(2025, 11, 21),
      status: 'processing',
      reason: null,
      note: null,
      updatedAt: NOW,
    });
    expect(first?.history).toEqual([
      { status: 'received', at: vnInstant(2025, 11, 18), note: null },
      { status: 'processing', at: NOW, note: null },
    ]);
    // A stop's explanation in the note column becomes the reason, shown once.
    expect(await stores.dossiers.get(codeNo(2))).toMatchObject({
      procedureId: 'ket-hon',
      status: 'needs_supplement',
      reason: 'Thiếu CCCD bản sao',
      note: null,
      receivedAt: vnInstant(2025, 11, 18, 8, 30),
    });
    expect(report.changes.map((c) => [c.row, c.code, c.action, c.from, c.to])).toEqual([
      [2, codeNo(1), 'create', null, 'processing'],
      [3, codeNo(2), 'create', null, 'needs_supplement'],
      [13, codeNo(10), 'create', null, 'returned'],
    ]);
  });

  test('re-importing the same file changes nothing; a new status is appended to the history', async () => {
    const before = csv([HEADER, good(1), good(2)]);
    await importDossiers(before, 'a.csv', opts());
    const again = await importDossiers(before, 'a.csv', opts({ now: new Date(NOW.getTime() + 60_000) }));
    expect(again).toMatchObject({ accepted: 2, created: 0, updated: 0, unchanged: 2, changes: [] });
    expect((await stores.dossiers.get(codeNo(1)))?.updatedAt).toEqual(NOW);

    const later = new Date('2025-11-21T02:00:00Z');
    const after = csv([HEADER, good(1, 'Đã có kết quả', 'Mời nhận tại quầy số 2'), good(2)]);
    const report = await importDossiers(after, 'a.csv', opts({ now: later }));
    expect(report).toMatchObject({ accepted: 2, created: 0, updated: 1, unchanged: 1 });
    expect(report.changes).toEqual([
      { row: 2, code: codeNo(1), action: 'update', from: 'processing', to: 'result_ready' },
    ]);
    const d = await stores.dossiers.get(codeNo(1));
    expect(d).toMatchObject({ status: 'result_ready', note: 'Mời nhận tại quầy số 2', updatedAt: later });
    expect(d?.history.map((h) => h.status)).toEqual(['received', 'processing', 'result_ready']);
  });

  test('dry run reports what would change without writing', async () => {
    const report = await importDossiers(csv([HEADER, good(1), ['bad']]), 'a.csv', opts({ dryRun: true }));
    expect(report).toMatchObject({ dryRun: true, accepted: 1, created: 1, rejected: [{ row: 3 }] });
    expect(await stores.dossiers.count()).toBe(0);
  });

  test('semicolon-separated export with a title block above the header', async () => {
    const file = csv([['DANH SÁCH HỒ SƠ THÁNG 11/2025'], [], HEADER, good(1)], ';');
    const report = await importDossiers(file, 'thang11.CSV', opts());
    expect(report).toMatchObject({ accepted: 1, rejected: [] });
  });

  test('configurable header names', async () => {
    const header = ['Số phiếu', ...HEADER.slice(1)];
    await expect(importDossiers(csv([header, good(1)]), 'a.csv', opts())).rejects.toThrow(
      /missing "Mã hồ sơ"/,
    );
    const report = await importDossiers(
      csv([header, good(1)]),
      'a.csv',
      opts({ columns: { code: 'Số phiếu' } }),
    );
    expect(report.accepted).toBe(1);
  });

  test('a file without the required columns is refused as a whole, naming them', async () => {
    const err = await importDossiers(
      csv([
        ['Mã hồ sơ', 'Người nộp'],
        [codeNo(1), 'An'],
      ]),
      'a.csv',
      opts(),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DossierImportError);
    expect((err as Error).message).toBe(
      'a.csv: no header row with the required columns in the first 20 rows; missing "Thủ tục", "Ngày tiếp nhận", "Ngày hẹn trả", "Trạng thái" (names are matched ignoring case and diacritics)',
    );
  });
});

describe('importDossiers: XLSX', () => {
  test('date cells, numeric phones, text dates and formulas are read like the CSV', async () => {
    const file = await xlsx([
      ['Báo cáo hồ sơ một cửa'],
      HEADER,
      [
        codeNo(1),
        'Đăng ký khai sinh',
        'Nguyễn Văn An',
        912345678,
        new Date(Date.UTC(2025, 10, 18)),
        new Date(Date.UTC(2025, 10, 21, 16, 30)),
        'Mới tiếp nhận',
        null,
      ],
      [
        codeNo(2),
        'chung-thuc-ban-sao',
        { richText: [{ text: 'Lê ' }, { text: 'Thị Cúc' }] },
        '',
        '18/11/2025',
        '19/11/2025',
        'Đã trả kết quả',
        'Đã nhận',
      ],
      [codeNo(3), 'khai-sinh', 'X', '', 'hôm qua', '19/11/2025', 'Đang xử lý', ''],
    ]);
    const report = await importDossiers(file, 'export.xlsx', opts());
    expect(report).toMatchObject({ accepted: 2, created: 2 });
    expect(report.rejected).toEqual([
      { row: 5, reason: '"Ngày tiếp nhận" "hôm qua" không phải ngày (dd/mm/yyyy)' },
    ]);
    expect(await stores.dossiers.get(codeNo(1))).toMatchObject({
      phone: '0912345678',
      receivedAt: vnInstant(2025, 11, 18),
      dueAt: vnInstant(2025, 11, 21, 16, 30),
      status: 'received',
      history: [{ status: 'received', at: vnInstant(2025, 11, 18), note: null }],
    });
    expect(await stores.dossiers.get(codeNo(2))).toMatchObject({
      applicantName: 'Lê Thị Cúc',
      status: 'returned',
      note: 'Đã nhận',
    });
  });

  test('10,000 rows: every row accounted for in the report', async () => {
    const rows: unknown[][] = [HEADER];
    for (let i = 1; i <= 10_000; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      // Every 100th row has a malformed code, every 250th an unknown status.
      const code = i % 100 === 0 ? `HS-${i}` : codeNo(i % 10_000, `2511${day}`);
      const status = i % 250 === 0 ? '???' : ['Mới tiếp nhận', 'Đang xử lý', 'Đã có kết quả'][i % 3];
      rows.push([
        code,
        i % 2 ? 'khai-sinh' : 'Đăng ký kết hôn',
        `Người Dân Số ${i}`,
        `09${String(i).padStart(8, '0')}`,
        `${day}/11/2025`,
        `${day}/12/2025`,
        status,
        '',
      ]);
    }
    const file = await xlsx(rows);
    const started = Date.now();
    const report = await importDossiers(file, 'big.xlsx', opts());
    const seconds = (Date.now() - started) / 1000;
    expect(report.rejected).toHaveLength(100 + 40 - 20); // multiples of both 100 and 250 count once
    expect(report.accepted).toBe(10_000 - report.rejected.length);
    expect(report.created).toBe(report.accepted);
    expect(report.rejected[0]).toEqual({
      row: 101,
      reason: '"Mã hồ sơ" "HS-100" không phải mã hồ sơ (dạng 000.00.15.H12-251118-0007)',
    });
    expect(report.rejected.find((r) => r.row === 251)).toEqual({
      row: 251,
      reason: '"Trạng thái" "???" không phải trạng thái đã biết',
    });
    expect(await stores.dossiers.count()).toBe(report.accepted);
    expect(seconds).toBeLessThan(30);
  }, 60_000);
});

describe('importDossiers: a file that is not what it claims', () => {
  const cases: Array<[string, () => Promise<Buffer> | Buffer, RegExp]> = [
    [
      'export.xlsx',
      () => csv([HEADER, good(1)]),
      /^export\.xlsx is not an Excel workbook: it is text \(a CSV file\?\)$/,
    ],
    [
      'export.csv',
      () => xlsx([HEADER]),
      /^export\.csv is not a CSV text file: it is a ZIP archive \(an \.xlsx workbook\?\)$/,
    ],
    [
      'old.xlsx',
      () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /old Excel 97-2003 \(\.xls\) file renamed to \.xlsx/,
    ],
    [
      'scan.csv',
      () => Buffer.from('%PDF-1.7\n...'),
      /^scan\.csv is not a CSV text file: it is a PDF document$/,
    ],
    [
      'latin1.csv',
      () => Buffer.from('M\xe3 h\xf4 s\xf4,Th\xfa t\xfac\n', 'latin1'),
      /^latin1\.csv is not UTF-8 text; export it as "CSV UTF-8"$/,
    ],
    [
      'fake.xlsx',
      () => Buffer.from('PK\u0003\u0004 not really a zip'),
      /^fake\.xlsx is a ZIP archive but not a readable Excel workbook$/,
    ],
    [
      'export.xls',
      () => Buffer.from('x'),
      /^export\.xls: unsupported file type "\.xls"; import a \.csv or \.xlsx file$/,
    ],
    ['empty.csv', () => Buffer.alloc(0), /^empty\.csv is empty$/],
  ];
  test.each(cases)('%s is refused with a clear message', async (name, make, message) => {
    const err = await importDossiers(await make(), `/uploads/${name}`, opts()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DossierImportError);
    expect((err as Error).message).toMatch(message);
    expect(await stores.dossiers.count()).toBe(0);
  });
});
