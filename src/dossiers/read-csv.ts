import { parse } from 'csv-parse/sync';
import { DossierImportError } from './import-error';
import { isBlankRow, type SheetRow } from './sheet';
import { SheetBudget, type SheetLimits } from './sheet-limits';

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Excel writes ";" or tab instead of "," in some locales. Take the one the widest of the first lines uses
 * most (the first line may be a title).
 */
function guessDelimiter(text: string): string {
  const lines = text.slice(0, 64 * 1024).split(/\r?\n/, 20);
  const widest = (d: string) => Math.max(...lines.map((l) => l.split(d).length - 1));
  return DELIMITERS.reduce((best, d) => (widest(d) > widest(best) ? d : best), ',');
}

/** Runs in the sheet worker; parsing stops at the first limit crossed. */
export function readCsv(buf: Buffer, name: string, limits: SheetLimits): SheetRow[] {
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  const budget = new SheetBudget(limits, name);
  const rows: SheetRow[] = [];
  try {
    parse(text, {
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      trim: true,
      // A field (or line) longer than a whole row of the longest cells is refused while parsing.
      max_record_size: limits.maxCellChars * 64,
      // Row numbers count records from 1 (the header), as a spreadsheet would show them.
      on_record: (cells: string[], { records }: { records: number }) => {
        if (!isBlankRow(cells)) {
          budget.take(records, cells);
          rows.push({ row: records, cells });
        }
        return null;
      },
    });
  } catch (err) {
    if (err instanceof DossierImportError) throw err;
    throw new DossierImportError(
      `${name}: not readable as CSV: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return rows;
}
