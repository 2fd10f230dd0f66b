// SQLite keeps instants as epoch milliseconds (INTEGER) and documents as JSON text.

/** A row as better-sqlite3 returns it. */
export type Row = Record<string, unknown>;

export const ms = (d: Date): number => d.getTime();
export const msOrNull = (d: Date | null): number | null => (d === null ? null : d.getTime());
export const toDate = (n: number): Date => new Date(n);

/**
 * The first row of a write with `RETURNING`. Never `.get()` for these: it stops stepping after the first
 * row, so a failed autocommit (disk full) is swallowed and a row that was never saved comes back.
 * `.all()` runs the statement to completion, so the commit's error reaches the caller.
 */
export function returnedRow(
  stmt: { all(...params: unknown[]): unknown[] },
  ...params: unknown[]
): Row | undefined {
  return stmt.all(...params)[0] as Row | undefined;
}
