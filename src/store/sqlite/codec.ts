// SQLite keeps instants as epoch milliseconds (INTEGER) and documents as JSON text.

export const ms = (d: Date): number => d.getTime();
export const msOrNull = (d: Date | null): number | null => (d === null ? null : d.getTime());
export const toDate = (n: number): Date => new Date(n);
export const toDateOrNull = (n: number | null): Date | null => (n === null ? null : new Date(n));
