// How much of an export the service agrees to read. Checked while reading, before anything is saved:
// a file over a limit is refused as a whole, with the limit named.
import { DossierImportError } from './import-error';
import { cellText, type Cell } from './sheet';

export interface SheetLimits {
  /** Uncompressed size of all parts of an .xlsx (a ZIP): a small file can unpack to gigabytes. */
  maxUnzippedBytes: number;
  maxRows: number;
  maxCells: number;
  maxCellChars: number;
  /** Heap of the worker thread that reads the file; past it the worker dies, not the service. */
  workerHeapMb: number;
  /** A read taking longer than this is stopped. */
  timeoutMs: number;
}

export const DEFAULT_SHEET_LIMITS: SheetLimits = {
  maxUnzippedBytes: 100 * 1024 * 1024,
  maxRows: 100_000,
  maxCells: 2_000_000,
  maxCellChars: 2_000,
  workerHeapMb: 256,
  timeoutMs: 120_000,
};

/** Counts rows and cells as they are read; throws DossierImportError at the first limit crossed. */
export class SheetBudget {
  private rows = 0;
  private cells = 0;
  constructor(
    private readonly limits: SheetLimits,
    private readonly name: string,
  ) {}

  take(row: number, cells: Cell[]): void {
    this.rows += 1;
    this.cells += cells.length;
    if (this.rows > this.limits.maxRows)
      throw new DossierImportError(
        `${this.name} has more than ${this.limits.maxRows} rows; split the export`,
      );
    if (this.cells > this.limits.maxCells)
      throw new DossierImportError(
        `${this.name} has more than ${this.limits.maxCells} cells; export only the needed columns`,
      );
    const long = cells.findIndex(
      (c) => typeof c === 'string' && cellText(c).length > this.limits.maxCellChars,
    );
    if (long >= 0)
      throw new DossierImportError(
        `${this.name}: row ${row}, column ${long + 1} holds more than ${this.limits.maxCellChars} characters`,
      );
  }
}
