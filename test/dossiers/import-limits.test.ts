// Issue 10, finding 4: an export over a limit is refused as a whole, in a worker thread, before anything
// is saved, and the attempt is audited; a ZIP bomb (a tiny .xlsx whose one shared string unpacks to
// tens of MB, used by 30 header cells) is refused with a clear message by the size check, and, when that
// check is lifted, by the worker's memory limit — the calling thread carries on either way.
import ExcelJS from 'exceljs';
import { importDossiers, type ImportOptions } from '../../src/dossiers/import';
import { DossierImportError } from '../../src/dossiers/import-error';
import { DEFAULT_SHEET_LIMITS } from '../../src/dossiers/sheet-limits';
import type { Stores } from '../../src/store/ports';
import { HEADER, codeNo, csv, jobDeps, resolveProcedure, tempStores } from './fixtures';

let stores: Stores;
let cleanup: () => Promise<void>;
beforeEach(() => ({ stores, cleanup } = tempStores()));
afterEach(() => cleanup());

const opts = (over: Partial<ImportOptions> = {}): ImportOptions => ({
  dossiers: stores.dossiers,
  resolveProcedure,
  job: jobDeps(stores),
  ...over,
});
const row = (n: number) => [
  codeNo(n % 10_000, n < 10_000 ? '251118' : '251119'),
  'khai-sinh',
  `Người Dân ${n}`,
  '',
  '18/11/2025',
  '21/11/2025',
  'Đang xử lý',
  '',
];

/** 196 KB-style bomb: one shared string of `chars` characters referenced by 30 header cells. */
async function bomb(chars: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hồ sơ');
  const huge = 'A'.repeat(chars);
  ws.addRow(Array.from({ length: 30 }, () => huge));
  ws.addRow(HEADER);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function refusal(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DossierImportError);
  return (err as Error).message;
}

test('the XLSX bomb is refused by its unpacked size, nothing saved, the attempt audited', async () => {
  const file = await bomb(30_000_000);
  expect(file.length).toBeLessThan(300_000);
  const message = await refusal(
    importDossiers(
      file,
      'bomb.xlsx',
      opts({ limits: { ...DEFAULT_SHEET_LIMITS, maxUnzippedBytes: 20 * 1024 * 1024 } }),
    ),
  );
  expect(message).toBe('bomb.xlsx unpacks to more than 20 MB; this is not a normal export');
  expect(await stores.dossiers.count()).toBe(0);
  expect((await stores.audit.list({ target: 'bomb.xlsx' }, 5)).map((e) => [e.action, e.after])).toEqual([
    ['dossier.import.refused', { reason: message }],
  ]);
});

test('with the size check lifted, the worker runs out of its own memory and the caller gets a clear error', async () => {
  const file = await bomb(30_000_000);
  const limits = { ...DEFAULT_SHEET_LIMITS, maxUnzippedBytes: 10 * 1024 * 1024 * 1024, workerHeapMb: 32 };
  const message = await refusal(importDossiers(file, 'bomb.xlsx', opts({ limits })));
  expect(message).toMatch(
    /^bomb\.xlsx (needs more than 32 MB of memory to read|: row 1, column 1 holds more than 2000 characters)/,
  );
  // This thread is fine: it still imports a normal file.
  expect((await importDossiers(csv([HEADER, row(1)]), 'ok.csv', opts())).created).toBe(1);
});

test('a CSV over the row limit is refused before anything is saved, with an audit entry', async () => {
  const rows = [HEADER, ...Array.from({ length: 2_000 }, (_, i) => row(i + 1))];
  const message = await refusal(
    importDossiers(csv(rows), 'big.csv', opts({ limits: { ...DEFAULT_SHEET_LIMITS, maxRows: 1_000 } })),
  );
  expect(message).toBe('big.csv has more than 1000 rows; split the export');
  expect(await stores.dossiers.count()).toBe(0);
  expect(await stores.imports.list(5)).toEqual([]);
  expect((await stores.audit.list({ target: 'big.csv' }, 5)).map((e) => e.action)).toEqual([
    'dossier.import.refused',
  ]);
});

test('a cell over the length limit, and too many cells, are refused naming where', async () => {
  const long = [HEADER, row(1), [...row(2).slice(0, 7), 'x'.repeat(2_001)]];
  expect(await refusal(importDossiers(csv(long), 'long.csv', opts()))).toBe(
    'long.csv: row 3, column 8 holds more than 2000 characters',
  );
  const wide = [HEADER, ...Array.from({ length: 20 }, (_, i) => row(i + 1))];
  expect(
    await refusal(
      importDossiers(csv(wide), 'wide.csv', opts({ limits: { ...DEFAULT_SHEET_LIMITS, maxCells: 100 } })),
    ),
  ).toBe('wide.csv has more than 100 cells; export only the needed columns');
  expect(await stores.dossiers.count()).toBe(0);
});

test('60,000 rows: one job, one audit entry with the counts, written in batches', async () => {
  const rows = [
    HEADER,
    ...Array.from({ length: 60_000 }, (_, i) => [
      codeNo(i % 10_000, `2511${String(10 + Math.floor(i / 10_000)).padStart(2, '0')}`),
      'khai-sinh',
      `Người Dân ${i}`,
      '',
      '18/11/2025',
      '21/11/2025',
      'Đang xử lý',
      '',
    ]),
  ];
  const progress: number[] = [];
  const report = await importDossiers(
    csv(rows),
    'sixty.csv',
    opts({ job: { ...jobDeps(stores), onProgress: (j) => progress.push(j.counts.done) } }),
  );
  expect(report).toMatchObject({ accepted: 60_000, created: 60_000, changesNotListed: 59_000 });
  expect(report.changes).toHaveLength(1_000);
  expect(progress).toHaveLength(120);
  expect(progress.at(-1)).toBe(60_000);
  expect(await stores.dossiers.count()).toBe(60_000);
  const audit = await stores.audit.list({ target: 'sixty.csv' }, 5);
  expect(audit.map((e) => [e.action, e.after])).toEqual([
    [
      'dossier.import',
      {
        job: report.jobId,
        accepted: 60_000,
        total: 60_000,
        done: 60_000,
        created: 60_000,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        notified: 0,
      },
    ],
  ]);
  expect((await stores.imports.get(report.jobId!))?.state).toBe('done');
});
