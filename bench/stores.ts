// Store figures: dossier import rows/s for a 10,000-row export (CSV and XLSX, parse → check → upsert) and
// status lookups/s (dossiers.get of known codes, 16 in flight, as concurrent webhooks would ask), on the
// embedded SQLite store and, when MONGODB_URI is set, on MongoDB. Every run uses a fresh database; the
// figures are medians of runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import mongoose from 'mongoose';
import { importDossiers } from '../src/dossiers/import';
import { procedureResolver } from '../src/dossiers/procedure-resolver';
import { loadKnowledge } from '../src/kb/load';
import { openMongoStores } from '../src/store/mongo';
import { dropDatabase, freshDatabaseName, withDatabase } from '../src/store/mongo/scratch';
import type { Stores } from '../src/store/ports';
import { openSqliteStores } from '../src/store/sqlite';
import { median } from './median';

const ROWS = 10_000;
const IN_FLIGHT = 16;
const LOOKUP_SECONDS = 2;
const HEADER = [
  'Mã hồ sơ',
  'Thủ tục',
  'Người nộp',
  'Số điện thoại',
  'Ngày tiếp nhận',
  'Ngày hẹn trả',
  'Trạng thái',
  'Ghi chú',
];
const STATUSES = ['Mới tiếp nhận', 'Đang xử lý', 'Chờ bổ sung', 'Đã có kết quả', 'Đã trả kết quả'];

const rate = (xs: number[]) => Math.round(median(xs)).toLocaleString('en');

interface Engine {
  name: string;
  runs: number;
  /** A fresh, empty store and how to get rid of it. */
  fresh(): Promise<{ stores: Stores; drop: () => Promise<void> }>;
}

function codeOf(i: number): string {
  const day = String(1 + (i % 28)).padStart(2, '0');
  return `000.00.15.H12-2511${day}-${String(1 + Math.floor(i / 28)).padStart(4, '0')}`;
}

/** An export as a provincial system writes it: procedures by name, Vietnamese status words, dd/mm/yyyy. */
function exportRows(): string[][] {
  const rows = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const procedure = i % 2 ? 'Đăng ký khai sinh' : 'chung-thuc-ban-sao';
    rows.push([
      codeOf(i),
      procedure,
      `Người Dân Số ${i}`,
      `09${String(i).padStart(8, '0')}`,
      `${day}/11/2025`,
      `${day}/12/2025`,
      STATUSES[i % STATUSES.length] ?? '',
      '',
    ]);
  }
  return rows;
}

async function files(): Promise<Array<{ name: string; data: Buffer }>> {
  const rows = exportRows();
  const csv = Buffer.from(`${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hồ sơ');
  for (const r of rows) ws.addRow(r);
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  return [
    { name: 'export.csv', data: csv },
    { name: 'export.xlsx', data: xlsx },
  ];
}

async function lookupsPerSecond(stores: Stores): Promise<number> {
  let done = 0;
  const until = Date.now() + LOOKUP_SECONDS * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async (_, w) => {
      for (let i = w; Date.now() < until; i += IN_FLIGHT) {
        if (!(await stores.dossiers.get(codeOf((i * 7919) % ROWS))))
          throw new Error('bench: a known code was not found');
        done++;
      }
    }),
  );
  return done / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function benchEngine(
  e: Engine,
  inputs: Array<{ name: string; data: Buffer }>,
  resolve: ReturnType<typeof procedureResolver>,
): Promise<string[]> {
  const importRates = new Map<string, number[]>(inputs.map((f) => [f.name, []]));
  const lookups: number[] = [];
  for (let run = 0; run < e.runs; run++) {
    for (const f of inputs) {
      const { stores, drop } = await e.fresh();
      try {
        const t0 = process.hrtime.bigint();
        // A traced job as in production; nobody is subscribed to a fresh store, so no notices.
        const report = await importDossiers(f.data, f.name, {
          dossiers: stores.dossiers,
          resolveProcedure: resolve,
          job: { imports: stores.imports, audit: stores.audit, actor: 'bench', notify: async () => 0 },
        });
        const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
        if (report.created !== ROWS)
          throw new Error(
            `bench: ${f.name} created ${report.created} of ${ROWS} (${report.rejected[0]?.reason ?? ''})`,
          );
        importRates.get(f.name)!.push(ROWS / seconds);
        if (f.name.endsWith('.csv')) lookups.push(await lookupsPerSecond(stores));
      } finally {
        await stores.close();
        await drop();
      }
    }
  }
  const runs = `median of ${e.runs} run${e.runs > 1 ? 's' : ''}`;
  return [
    `dossier import (${e.name}, ${ROWS.toLocaleString('en')} rows, ${runs}): CSV ${rate(importRates.get('export.csv')!)} rows/s, XLSX ${rate(importRates.get('export.xlsx')!)} rows/s`,
    `status lookups (${e.name}, dossiers.get of known codes, ${IN_FLIGHT} in flight, ${runs}): ${rate(lookups)} lookups/s`,
  ];
}

/** "MongoDB 7.0.2", or the FerretDB version behind the wire protocol (its figures say nothing of MongoDB's). */
async function mongoServerName(uri: string): Promise<string> {
  const conn = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5_000 }).asPromise();
  try {
    const info = await conn.getClient().db('admin').command({ buildInfo: 1 });
    return info['ferretdbVersion']
      ? `FerretDB ${String(info['ferretdbVersion'])}`
      : `MongoDB ${String(info['version'])}`;
  } finally {
    await conn.close();
  }
}

export async function runStoresBench(root: string): Promise<void> {
  const { kb, problems } = loadKnowledge(path.join(root, 'knowledge'));
  if (!kb) throw new Error(`bench: knowledge/ has ${problems.length} problem(s)`);
  const resolve = procedureResolver(kb);
  const inputs = await files();
  const engines: Engine[] = [
    {
      name: 'SQLite',
      runs: 5,
      fresh: async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-store-'));
        return {
          stores: openSqliteStores(path.join(dir, 'bench.sqlite')),
          drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
        };
      },
    },
  ];
  const mongoUri = process.env['MONGODB_URI'];
  if (mongoUri) {
    engines.push({
      name: await mongoServerName(mongoUri),
      runs: 3,
      fresh: async () => {
        const uri = withDatabase(mongoUri, freshDatabaseName('motcua_bench'));
        return { stores: await openMongoStores(uri), drop: () => dropDatabase(uri) };
      },
    });
  }
  for (const e of engines) for (const line of await benchEngine(e, inputs, resolve)) console.log(line);
  if (!mongoUri) console.log('store figures on MongoDB skipped: MONGODB_URI not set');
}
