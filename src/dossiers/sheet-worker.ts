// The worker thread that reads an export (see read-sheet.ts): parsing a large or hostile file here costs
// this thread's time and memory, never the event loop that answers webhooks.
import { parentPort, workerData } from 'node:worker_threads';
import type { SheetFormat } from './file-type';
import { DossierImportError } from './import-error';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import type { SheetRow } from './sheet';
import type { SheetLimits } from './sheet-limits';

export interface SheetJob {
  buffer: Uint8Array;
  format: SheetFormat;
  name: string;
  limits: SheetLimits;
}
export type SheetAnswer = { ok: true; rows: SheetRow[] } | { ok: false; refused: boolean; message: string };

async function run(job: SheetJob): Promise<SheetAnswer> {
  const buf = Buffer.from(job.buffer.buffer, job.buffer.byteOffset, job.buffer.byteLength);
  try {
    const rows =
      job.format === 'csv' ? readCsv(buf, job.name, job.limits) : await readXlsx(buf, job.name, job.limits);
    return { ok: true, rows };
  } catch (err) {
    return {
      ok: false,
      refused: err instanceof DossierImportError,
      message: err instanceof Error ? err.message : String(err),
    };
  }
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as SheetJob).then((answer) => port.postMessage(answer));
}
