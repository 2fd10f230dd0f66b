import { parse } from 'csv-parse/sync';
import { DossierImportError } from './import-error';
import { isBlankRow, type SheetRow } from './sheet';

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Excel writes ";" or tab instead of "," in some locales. Take the one the widest of the first lines uses
 * most (the first line may be a title).
 */
function guessDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 20);
  const widest = (d: string) => Math.max(...lines.map((l) => l.split(d).length - 1));
  return DELIMITERS.reduce((best, d) => (widest(d) > widest(best) ? d : best), ',');
}

export function readCsv(buf: Buffer, name: string): SheetRow[] {
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parse(text, { delimiter: guessDelimiter(text), relax_column_count: true, trim: true }) as string[][];
  } catch (err) {
    throw new DossierImportError(`${name}: not readable as CSV: ${err instanceof Error ? err.message : String(err)}`);
  }
  // Row numbers count records from 1 (the header), as a spreadsheet would show them.
  return records.map((cells, i) => ({ row: i + 1, cells })).filter((r) => !isBlankRow(r.cells));
}
