import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DossierImportError } from './import-error';
import { isBlankRow, type Cell, type SheetRow } from './sheet';
import { SheetBudget, type SheetLimits } from './sheet-limits';
import { unzippedSize } from './zip-size';

/** A workbook cell as a plain value: rich text joined, formulas by their cached result, errors empty. */
function plain(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return plain((value as ExcelJS.CellFormulaValue).result ?? null);
  if ('hyperlink' in value) return value.text;
  return null; // error values
}

/**
 * Rows of the first worksheet that has any, read as a stream (exceljs WorkbookReader): the workbook is
 * never held whole in memory, and the limits are checked row by row. Runs in the sheet worker.
 */
export async function readXlsx(buf: Buffer, name: string, limits: SheetLimits): Promise<SheetRow[]> {
  const size = unzippedSize(buf, name);
  if (size > limits.maxUnzippedBytes) {
    throw new DossierImportError(
      `${name} unpacks to more than ${Math.round(limits.maxUnzippedBytes / 1024 / 1024)} MB; this is not a normal export`,
    );
  }
  const budget = new SheetBudget(limits, name);
  const rows: SheetRow[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        // row.values is 1-based: index 0 is always empty.
        const cells = Array.from((row.values as ExcelJS.CellValue[]).slice(1), (v) => plain(v));
        if (isBlankRow(cells)) continue;
        budget.take(row.number, cells);
        rows.push({ row: row.number, cells });
      }
      if (rows.length > 0) break;
    }
  } catch (err) {
    if (err instanceof DossierImportError) throw err;
    throw new DossierImportError(`${name} is a ZIP archive but not a readable Excel workbook`);
  }
  if (rows.length === 0) throw new DossierImportError(`${name} has no worksheet with data`);
  return rows;
}
