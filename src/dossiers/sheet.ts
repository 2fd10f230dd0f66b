/** One cell as read from a CSV (always text) or a workbook (text, number, date or empty). */
export type Cell = string | number | Date | null;

/** A non-empty row with its number as the user sees it (spreadsheet row, or CSV record counting the header). */
export interface SheetRow {
  row: number;
  cells: Cell[];
}

export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}

export function isBlankRow(cells: Cell[]): boolean {
  return cells.every((c) => cellText(c) === '');
}
