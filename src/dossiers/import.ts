// Dossier import from a provincial one-stop export (.csv or .xlsx), for the CLI and the admin API.
// Whole-file problems throw DossierImportError; a bad row is reported and never stops the good ones.
import path from 'node:path';
import type { DossierStatus, DossierStore } from '../store/ports';
import { columnNames, matchHeader, type ColumnIndex, type ColumnOverrides, type DossierField } from './columns';
import { sheetFormat } from './file-type';
import { DossierImportError } from './import-error';
import { mergeRow } from './merge';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { parseRow, type DossierRow, type ProcedureResolver } from './row';
import type { SheetRow } from './sheet';

export interface ImportOptions {
  dossiers: DossierStore;
  /** Procedure id for what the Thủ tục column says (an id or a Vietnamese name); null when unknown. */
  resolveProcedure: ProcedureResolver;
  /** Preview: check every row and report what would change, without writing. */
  dryRun?: boolean;
  /** Extra header names per field, added to DEFAULT_COLUMNS. */
  columns?: ColumnOverrides;
  now?: Date;
}

export interface ImportChange {
  row: number;
  code: string;
  action: 'create' | 'update';
  /** Status before (null for a new dossier) and after; they differ when subscribers should be told. */
  from: DossierStatus | null;
  to: DossierStatus;
}

export interface ImportReport {
  file: string;
  dryRun: boolean;
  /** Valid rows: created + updated + unchanged. */
  accepted: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Row numbers as the user sees them: the spreadsheet row, or the CSV record counting the header as 1. */
  rejected: Array<{ row: number; reason: string }>;
  changes: ImportChange[];
}

// Exports sometimes put a title block above the table, so the header is searched for in the first rows.
const HEADER_SEARCH_ROWS = 20;
// Rows are independent once duplicates are refused; a few in flight hide a remote database's latency.
const IN_FLIGHT = 16;
// Stored dossiers are read a batch at a time: one query instead of one per row (FerretDB scans the
// collection on every query, which made a 10,000-row import quadratic).
const READ_BATCH = 500;

function findHeader(rows: SheetRow[], names: ReturnType<typeof columnNames>, file: string): { at: number; columns: ColumnIndex } {
  let fewestMissing: DossierField[] | null = null;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const m = matchHeader(rows[i].cells, names);
    if (m.ok) return { at: i, columns: m.columns };
    if (!fewestMissing || m.missing.length < fewestMissing.length) fewestMissing = m.missing;
  }
  const missing = (fewestMissing ?? ['code', 'procedure', 'applicant', 'receivedAt', 'dueAt', 'status']).map((f) => `"${names[f][0]}"`);
  throw new DossierImportError(
    `${file}: no header row with the required columns in the first ${HEADER_SEARCH_ROWS} rows; missing ${missing.join(', ')} (names are matched ignoring case and diacritics)`,
  );
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

export async function importDossiers(buffer: Buffer, filename: string, options: ImportOptions): Promise<ImportReport> {
  const file = path.basename(filename);
  const format = sheetFormat(buffer, filename);
  const rows = format === 'csv' ? readCsv(buffer, file) : await readXlsx(buffer, file);
  const names = columnNames(options.columns);
  const header = findHeader(rows, names, file);
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;

  const report: ImportReport = { file, dryRun, accepted: 0, created: 0, updated: 0, unchanged: 0, rejected: [], changes: [] };
  const valid: Array<{ row: number; value: DossierRow }> = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of rows.slice(header.at + 1)) {
    const parsed = parseRow(cells, header.columns, names, options.resolveProcedure);
    if (!parsed.ok) {
      report.rejected.push({ row, reason: parsed.reason });
      continue;
    }
    // The same code twice in one export is ambiguous: the first row wins, later ones are refused.
    const earlier = firstRowOf.get(parsed.value.code);
    if (earlier !== undefined) {
      report.rejected.push({ row, reason: `code ${parsed.value.code} already appears on row ${earlier}` });
      continue;
    }
    firstRowOf.set(parsed.value.code, row);
    valid.push({ row, value: parsed.value });
  }

  for (let i = 0; i < valid.length; i += READ_BATCH) {
    const batch = valid.slice(i, i + READ_BATCH);
    const stored = new Map((await options.dossiers.getMany(batch.map((v) => v.value.code))).map((d) => [d.code, d]));
    await inBatches(batch, IN_FLIGHT, async ({ row, value }) => {
      const merged = mergeRow(stored.get(value.code) ?? null, value, now);
      if (merged.action === 'unchanged') {
        report.unchanged += 1;
        return;
      }
      if (!dryRun) await options.dossiers.upsert(merged.dossier);
      report[merged.action === 'create' ? 'created' : 'updated'] += 1;
      report.changes.push({ row, code: value.code, action: merged.action, from: merged.from, to: value.status });
    });
  }
  report.accepted = valid.length;
  report.changes.sort((a, b) => a.row - b.row);
  return report;
}
