// Dossier import from a provincial one-stop export (.csv or .xlsx), for the CLI and the admin API, as a
// job: the file is read in a worker thread within limits (nothing is saved when one is crossed), rows are
// written in batches (each all or nothing) with the job's progress recorded around every batch, each
// status change is told to subscribers, and one audit entry holds the counts. A process killed mid-way
// leaves its job "running" with the batch in flight named; recoverImports (import-recovery.ts) traces it.
// Whole-file problems throw DossierImportError; a bad row is reported and never stops the good ones.
import path from 'node:path';
import type {
  AuditStore,
  Dossier,
  DossierStatus,
  DossierStore,
  ImportCounts,
  ImportJob,
  ImportJobStore,
} from '../store/ports';
import {
  columnNames,
  matchHeader,
  type ColumnIndex,
  type ColumnOverrides,
  type DossierField,
} from './columns';
import { sheetFormat } from './file-type';
import { DossierImportError } from './import-error';
import { mergeRow } from './merge';
import { readSheet } from './read-sheet';
import { parseRow, type DossierRow, type ProcedureResolver } from './row';
import type { SheetRow } from './sheet';
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from './sheet-limits';

/** What a real (not dry-run) import records and whom it tells. */
export interface ImportJobDeps {
  imports: ImportJobStore;
  audit: AuditStore;
  /** Staff username, or "cli". */
  actor: string;
  /** Tells the dossier's subscribers about its new status; returns how many were told now. */
  notify: (dossier: Dossier, from: DossierStatus | null) => Promise<number>;
  onProgress?: (job: ImportJob) => void;
}

export interface ImportOptions {
  dossiers: DossierStore;
  /** Procedure id for what the Thủ tục column says (an id or a Vietnamese name); null when unknown. */
  resolveProcedure: ProcedureResolver;
  /** Preview: check every row and report what would change, without writing. */
  dryRun?: boolean;
  /** Extra header names per field, added to DEFAULT_COLUMNS. */
  columns?: ColumnOverrides;
  now?: Date;
  limits?: SheetLimits;
  /** Why a row's receipt code may not be imported by this caller (another commune's), or null. */
  refuseCode?: (code: string) => string | null;
  /** Required to write: an import that changes dossiers is always a traced job. */
  job?: ImportJobDeps;
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
  /** The job that wrote the rows (null for a dry run). */
  jobId: string | null;
  /** Valid rows: created + updated + unchanged. */
  accepted: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Subscribers told of a new status at once (others are told after their next message). */
  notified: number;
  /** Row numbers as the user sees them: the spreadsheet row, or the CSV record counting the header as 1. */
  rejected: Array<{ row: number; reason: string }>;
  /** The first MAX_LISTED changes, in row order; changesNotListed counts the rest. */
  changes: ImportChange[];
  changesNotListed: number;
}

// Exports sometimes put a title block above the table, so the header is searched for in the first rows.
const HEADER_SEARCH_ROWS = 20;
// One batch is one atomic write and one progress record; between batches the event loop runs.
const BATCH = 500;
const PARSE_SLICE = 2_000;
const MAX_LISTED = 1_000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function findHeader(
  rows: SheetRow[],
  names: ReturnType<typeof columnNames>,
  file: string,
): { at: number; columns: ColumnIndex } {
  let fewestMissing: DossierField[] | null = null;
  for (const [i, r] of rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const m = matchHeader(r.cells, names);
    if (m.ok) return { at: i, columns: m.columns };
    if (!fewestMissing || m.missing.length < fewestMissing.length) fewestMissing = m.missing;
  }
  const missing = (fewestMissing ?? ['code', 'procedure', 'applicant', 'receivedAt', 'dueAt', 'status']).map(
    (f) => `"${names[f][0] ?? f}"`,
  );
  throw new DossierImportError(
    `${file}: no header row with the required columns in the first ${HEADER_SEARCH_ROWS} rows; missing ${missing.join(', ')} (names are matched ignoring case and diacritics)`,
  );
}

interface Prepared {
  valid: Array<{ row: number; value: DossierRow }>;
  rejected: ImportReport['rejected'];
}

async function prepare(
  buffer: Buffer,
  filename: string,
  file: string,
  options: ImportOptions,
): Promise<Prepared> {
  const format = sheetFormat(buffer, filename);
  const rows = await readSheet(buffer, format, file, options.limits ?? DEFAULT_SHEET_LIMITS);
  const names = columnNames(options.columns);
  const header = findHeader(rows, names, file);
  const valid: Prepared['valid'] = [];
  const rejected: Prepared['rejected'] = [];
  const firstRowOf = new Map<string, number>();
  const body = rows.slice(header.at + 1);
  for (const [i, { row, cells }] of body.entries()) {
    if (i % PARSE_SLICE === PARSE_SLICE - 1) await yieldToEventLoop();
    const parsed = parseRow(cells, header.columns, names, options.resolveProcedure);
    if (!parsed.ok) {
      rejected.push({ row, reason: parsed.reason });
      continue;
    }
    const refused = options.refuseCode?.(parsed.value.code);
    if (refused) {
      rejected.push({ row, reason: refused });
      continue;
    }
    // The same code twice in one export is ambiguous: the first row wins, later ones are refused.
    const earlier = firstRowOf.get(parsed.value.code);
    if (earlier !== undefined) {
      rejected.push({ row, reason: `mã ${parsed.value.code} đã có ở dòng ${earlier}` });
      continue;
    }
    firstRowOf.set(parsed.value.code, row);
    valid.push({ row, value: parsed.value });
  }
  return { valid, rejected };
}

export async function importDossiers(
  buffer: Buffer,
  filename: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const file = path.basename(filename);
  const dryRun = options.dryRun ?? false;
  const j = options.job;
  if (!dryRun && !j)
    throw new Error('importDossiers: writing needs the job dependencies (imports, audit, notify)');
  let prepared: Prepared;
  try {
    prepared = await prepare(buffer, filename, file, options);
  } catch (err) {
    // A refused file changes nothing, and the attempt is on record.
    if (err instanceof DossierImportError && j && !dryRun) {
      await j.audit.append({
        at: new Date(),
        actor: j.actor,
        action: 'dossier.import.refused',
        target: file,
        before: null,
        after: { reason: err.message },
      });
    }
    throw err;
  }
  const now = options.now ?? new Date();
  const { valid, rejected } = prepared;
  const report: ImportReport = {
    file,
    dryRun,
    jobId: null,
    accepted: valid.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    notified: 0,
    rejected,
    changes: [],
    changesNotListed: 0,
  };
  const counts = (): ImportCounts => ({
    total: valid.length,
    done: report.created + report.updated + report.unchanged,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    rejected: rejected.length,
    notified: report.notified,
  });
  const job =
    j && !dryRun
      ? await j.imports.create(
          {
            file,
            actor: j.actor,
            state: 'running',
            counts: counts(),
            inFlight: [],
            error: null,
            startedAt: new Date(),
          },
          new Date(),
        )
      : null;
  report.jobId = job?.id ?? null;
  const changes: ImportChange[] = [];
  try {
    for (let i = 0; i < valid.length; i += BATCH) {
      const batch = valid.slice(i, i + BATCH);
      const stored = new Map(
        (await options.dossiers.getMany(batch.map((v) => v.value.code))).map((d) => [d.code, d]),
      );
      const writes: Array<{
        row: number;
        dossier: Dossier;
        from: DossierStatus | null;
        action: 'create' | 'update';
      }> = [];
      for (const { row, value } of batch) {
        const merged = mergeRow(stored.get(value.code) ?? null, value, now);
        if (merged.action === 'unchanged') report.unchanged += 1;
        else writes.push({ row, dossier: merged.dossier, from: merged.from, action: merged.action });
      }
      if (job && j) {
        // Named before the write: if the process dies now, recovery knows whose subscribers to tell.
        await j.imports.update(
          job.id,
          { inFlight: writes.filter((w) => w.from !== w.dossier.status).map((w) => w.dossier.code) },
          new Date(),
        );
        await options.dossiers.upsertMany(writes.map((w) => w.dossier));
      }
      for (const w of writes) {
        report[w.action === 'create' ? 'created' : 'updated'] += 1;
        changes.push({
          row: w.row,
          code: w.dossier.code,
          action: w.action,
          from: w.from,
          to: w.dossier.status,
        });
        if (j && !dryRun && w.from !== w.dossier.status) report.notified += await j.notify(w.dossier, w.from);
      }
      if (job && j)
        j.onProgress?.(
          (await j.imports.update(job.id, { counts: counts(), inFlight: [] }, new Date())) ?? job,
        );
      await yieldToEventLoop();
    }
  } catch (err) {
    if (job && j) {
      const message = err instanceof Error ? err.message : String(err);
      await j.imports.update(
        job.id,
        { state: 'failed', counts: counts(), error: message.slice(0, 2_000) },
        new Date(),
      );
      await j.audit.append({
        at: new Date(),
        actor: j.actor,
        action: 'dossier.import.failed',
        target: file,
        before: null,
        after: { job: job.id, ...counts(), error: message.slice(0, 2_000) },
      });
    }
    throw err;
  }
  if (job && j) {
    await j.imports.update(job.id, { state: 'done', counts: counts() }, new Date());
    await j.audit.append({
      at: new Date(),
      actor: j.actor,
      action: 'dossier.import',
      target: file,
      before: null,
      after: { job: job.id, accepted: valid.length, ...counts() },
    });
  }
  changes.sort((a, b) => a.row - b.row);
  report.changes = changes.slice(0, MAX_LISTED);
  report.changesNotListed = Math.max(0, changes.length - MAX_LISTED);
  return report;
}
