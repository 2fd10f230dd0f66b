// Export files generated in the tests: CSV text and real .xlsx workbooks (exceljs), like a provincial
// one-stop system would produce.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { foldKey } from '../../src/nlu/fold';
import type { ImportJobDeps } from '../../src/dossiers/import';
import type { ProcedureResolver } from '../../src/dossiers/row';
import { openSqliteStores } from '../../src/store/sqlite';
import type { Stores } from '../../src/store/ports';

export const HEADER = [
  'Mã hồ sơ',
  'Thủ tục',
  'Người nộp',
  'Số điện thoại',
  'Ngày tiếp nhận',
  'Ngày hẹn trả',
  'Trạng thái',
  'Ghi chú',
];

const PROCEDURE_NAMES: Record<string, string> = {
  'dang ky khai sinh': 'khai-sinh',
  'dang ky ket hon': 'ket-hon',
  'chung thuc ban sao': 'chung-thuc-ban-sao',
};
const IDS = new Set(['khai-sinh', 'ket-hon', 'chung-thuc-ban-sao', 'dat-dai', 'cu-tru']);

/** Stands in for the knowledge base: ids as they are, Vietnamese names without case or diacritics. */
export const resolveProcedure: ProcedureResolver = (nameOrId) =>
  IDS.has(nameOrId.trim()) ? nameOrId.trim() : (PROCEDURE_NAMES[foldKey(nameOrId)] ?? null);

export function csv(rows: string[][], delimiter = ','): Buffer {
  const quote = (v: string) => (/[",;\n\t]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(quote).join(delimiter)).join('\r\n')}\r\n`, 'utf8');
}

export async function xlsx(rows: unknown[][], sheetName = 'Hồ sơ'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A real SQLite store in a temp folder. */
export function tempStores(): { stores: Stores; cleanup: () => Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-dossiers-'));
  const stores = openSqliteStores(path.join(dir, 'motcua.sqlite'));
  return {
    stores,
    cleanup: async () => {
      await stores.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The n-th valid code of a day: 000.00.15.H12-251118-0001 … */
export const codeNo = (n: number, day = '251118') => `000.00.15.H12-${day}-${String(n).padStart(4, '0')}`;

/** What a real import records: its job and audit entry in the store; subscribers counted as told. */
export function jobDeps(
  stores: Stores,
  told: Array<{ code: string; from: string | null }> = [],
): ImportJobDeps {
  return {
    imports: stores.imports,
    audit: stores.audit,
    actor: 'test',
    notify: async (d, from) => {
      told.push({ code: d.code, from });
      return 0;
    },
  };
}
