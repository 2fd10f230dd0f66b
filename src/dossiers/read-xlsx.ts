import ExcelJS from 'exceljs';
import { DossierImportError } from './import-error';
import { isBlankRow, type Cell, type SheetRow } from './sheet';

/** A workbook cell as a plain value: rich text joined, formulas by their cached result, errors empty. */
function plain(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plain((value as ExcelJS.CellFormulaValue).result ?? null);
  if ('hyperlink' in value) return String(value.text);
  return null; // error values
}

/** Rows of the first worksheet that has any. */
export async function readXlsx(buf: Buffer, name: string): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new DossierImportError(`${name} is a ZIP archive but not a readable Excel workbook`);
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new DossierImportError(`${name} has no worksheet with data`);
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // row.values is 1-based: index 0 is always empty.
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    const cells = Array.from(values, (v) => plain(v));
    if (!isBlankRow(cells)) rows.push({ row: rowNumber, cells });
  });
  return rows;
}
