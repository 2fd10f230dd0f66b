// Reads an export in a worker thread with its own heap limit and a time limit: a ZIP bomb or a huge file
// ends that worker with a clear refusal while the service keeps answering.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SheetFormat } from './file-type';
import { DossierImportError } from './import-error';
import type { Cell, SheetRow } from './sheet';
import type { SheetLimits } from './sheet-limits';
import type { SheetAnswer, SheetJob } from './sheet-worker';

/**
 * The compiled worker next to this file; under ts-jest (running the .ts sources) the build's copy in
 * dist/, which is why tests build first.
 */
function workerScript(): string {
  const here = path.join(__dirname, 'sheet-worker.js');
  if (fs.existsSync(here)) return here;
  const built = path.resolve(__dirname, '../../dist/src/dossiers/sheet-worker.js');
  if (fs.existsSync(built)) return built;
  throw new Error(`the sheet worker is not built (${built}); run "npm run build"`);
}

// Dates arrive built by this thread's structured-clone realm; code running in another realm (a vm
// context, as under jest) would not see them as `instanceof Date`, so they are rebuilt here.
const ownDate = (c: Cell): Cell =>
  Object.prototype.toString.call(c) === '[object Date]' ? new Date((c as Date).getTime()) : c;

export function readSheet(
  buffer: Buffer,
  format: SheetFormat,
  name: string,
  limits: SheetLimits,
): Promise<SheetRow[]> {
  const job: SheetJob = { buffer: new Uint8Array(buffer), format, name, limits };
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript(), {
      workerData: job,
      resourceLimits: {
        maxOldGenerationSizeMb: limits.workerHeapMb,
        maxYoungGenerationSizeMb: Math.min(64, limits.workerHeapMb / 4),
      },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new DossierImportError(
              `${name} took longer than ${Math.round(limits.timeoutMs / 1000)} s to read; split the export`,
            ),
          ),
        ),
      limits.timeoutMs,
    );
    worker.once('message', (a: SheetAnswer) =>
      settle(() => {
        if (a.ok) resolve(a.rows.map((r) => ({ row: r.row, cells: r.cells.map(ownDate) })));
        else
          reject(a.refused ? new DossierImportError(a.message) : new Error(`reading ${name}: ${a.message}`));
      }),
    );
    worker.once('error', (err: Error & { code?: string }) =>
      settle(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new DossierImportError(
                `${name} needs more than ${limits.workerHeapMb} MB of memory to read; this is not a normal export`,
              )
            : err,
        ),
      ),
    );
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`the sheet worker for ${name} stopped (exit code ${code})`))),
    );
  });
}
