// What an engine needs to know about a schema field to store it, read from the zod schema itself, so that
// the SQLite columns and the mongoose schema follow the entity instead of repeating it.
import { z } from 'zod';

/** Whether a field must be there, may be null (reads back as null), or may be left out (reads back absent). */
export type Presence = 'required' | 'nullable' | 'optional';

export type FieldInfo = { presence: Presence } & (
  | { kind: 'string'; minLength: number; values: readonly string[] | null }
  | { kind: 'number' | 'boolean' | 'date' | 'json' }
  | { kind: 'list'; item: FieldInfo }
  | { kind: 'object'; fields: Record<string, FieldInfo> }
);

export function fieldInfo(schema: z.ZodType, presence: Presence = 'required'): FieldInfo {
  if (schema instanceof z.ZodOptional) return fieldInfo(schema.unwrap() as z.ZodType, 'optional');
  if (schema instanceof z.ZodNullable)
    return fieldInfo(schema.unwrap() as z.ZodType, presence === 'optional' ? presence : 'nullable');
  if (schema instanceof z.ZodString)
    return { presence, kind: 'string', minLength: schema.minLength ?? 0, values: null };
  if (schema instanceof z.ZodEnum)
    return { presence, kind: 'string', minLength: 1, values: schema.options.map(String) };
  if (schema instanceof z.ZodNumber) return { presence, kind: 'number' };
  if (schema instanceof z.ZodBoolean) return { presence, kind: 'boolean' };
  if (schema instanceof z.ZodDate) return { presence, kind: 'date' };
  if (schema instanceof z.ZodUnknown) return { presence, kind: 'json' };
  if (schema instanceof z.ZodArray)
    return { presence, kind: 'list', item: fieldInfo(schema.element as z.ZodType) };
  if (schema instanceof z.ZodObject) return { presence, kind: 'object', fields: fieldsOf(schema.shape) };
  throw new Error(`no storage mapping for zod type ${schema.def.type}`);
}

export function fieldsOf(shape: z.ZodRawShape): Record<string, FieldInfo> {
  return Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, fieldInfo(s as z.ZodType)]));
}

/** What a field that is not there reads back as. */
export const missingValue = (f: FieldInfo): null | undefined =>
  f.presence === 'nullable' ? null : undefined;
