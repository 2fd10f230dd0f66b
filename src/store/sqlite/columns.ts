// SQLite columns follow an entity schema: one column per field named in snake_case, instants as epoch
// milliseconds, booleans as 0/1, lists, objects and JSON values as JSON text, INTEGER ids as strings.
import type { z } from 'zod';
import { fieldsOf, missingValue, type FieldInfo } from '../entities/field-info';
import { ms, toDate, type Row } from './codec';

/** A row as better-sqlite3 returns it. */

export const columnName = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function toColumn(f: FieldInfo, v: unknown): unknown {
  if (v === undefined) return null;
  if (f.kind === 'json') return JSON.stringify(v); // a JSON null is a value ("null"), not a missing one
  if (v === null) return null;
  if (f.kind === 'date') return ms(v as Date);
  if (f.kind === 'boolean') return v ? 1 : 0;
  if (f.kind === 'list' || f.kind === 'object') return JSON.stringify(v);
  return v;
}

function fromColumn(f: FieldInfo, v: unknown): unknown {
  if (v === null) return missingValue(f);
  if (f.kind === 'string') return typeof v === 'string' ? v : (v as number | bigint).toString();
  if (f.kind === 'date') return toDate(v as number);
  if (f.kind === 'boolean') return v === 1;
  if (f.kind === 'list' || f.kind === 'object' || f.kind === 'json') return JSON.parse(v as string);
  return v;
}

export interface Columns<T> {
  /** Column names, in the schema's order. */
  names: string[];
  /** The named parameters (@field) binding `toParams`, in the same order. */
  params: string[];
  toParams: (entity: T) => Record<string, unknown>;
  fromRow: (row: Row) => T;
}

export function columnsOf<S extends z.ZodRawShape>(shape: S): Columns<z.infer<z.ZodObject<S>>> {
  const fields = Object.entries(fieldsOf(shape));
  return {
    names: fields.map(([k]) => columnName(k)),
    params: fields.map(([k]) => `@${k}`),
    toParams: (e) =>
      Object.fromEntries(fields.map(([k, f]) => [k, toColumn(f, (e as Record<string, unknown>)[k])])),
    // A NULL column of an optional field leaves the property out, as the entity had it.
    fromRow: (row) =>
      Object.fromEntries(
        fields.flatMap(([k, f]) => {
          const v = fromColumn(f, row[columnName(k)]);
          return v === undefined ? [] : [[k, v]];
        }),
      ) as z.infer<z.ZodObject<S>>,
  };
}
