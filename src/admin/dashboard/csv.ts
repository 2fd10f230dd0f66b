// One dashboard table as CSV (UTF-8 with a BOM so that Excel shows Vietnamese correctly).
import type { Figures } from './figures';

export const TABLES = ['messages', 'outcomes', 'procedures', 'aspects', 'handoffs', 'lookups'] as const;
export type Table = (typeof TABLES)[number];

type Cell = string | number | null;

function cell(v: Cell | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote anything with a separator, and defuse spreadsheet formulas.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function tableCsv(f: Figures, table: Table): string {
  const rows: ReadonlyArray<Record<string, Cell>> = f[table];
  const [first] = rows;
  const header = first ? Object.keys(first) : [];
  const lines = [header, ...rows.map((r) => header.map((h) => r[h]))].map((r) => r.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
