// What an engine needs to know about a schema field to store it, read from the zod schema itself, so that
// the SQLite columns and the mongoose schema follow the entity instead of repeating it.
import { z } from 'zod';

export type FieldInfo =
  | { kind: 'string'; nullable: boolean; minLength: number; values: readonly string[] | null }
  | { kind: 'number' | 'boolean' | 'date' | 'json'; nullable: boolean }
  | { kind: 'list'; nullable: boolean; item: FieldInfo }
  | { kind: 'object'; nullable: boolean; fields: Record<string, FieldInfo> };

export function fieldInfo(schema: z.ZodType, nullable = false): FieldInfo {
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional)
    return fieldInfo(schema.unwrap() as z.ZodType, true);
  if (schema instanceof z.ZodString)
    return { kind: 'string', nullable, minLength: schema.minLength ?? 0, values: null };
  if (schema instanceof z.ZodEnum)
    return { kind: 'string', nullable, minLength: 1, values: schema.options.map(String) };
  if (schema instanceof z.ZodNumber) return { kind: 'number', nullable };
  if (schema instanceof z.ZodBoolean) return { kind: 'boolean', nullable };
  if (schema instanceof z.ZodDate) return { kind: 'date', nullable };
  if (schema instanceof z.ZodUnknown) return { kind: 'json', nullable };
  if (schema instanceof z.ZodArray)
    return { kind: 'list', nullable, item: fieldInfo(schema.element as z.ZodType) };
  if (schema instanceof z.ZodObject) return { kind: 'object', nullable, fields: fieldsOf(schema.shape) };
  throw new Error(`no storage mapping for zod type ${schema.def.type}`);
}

export function fieldsOf(shape: z.ZodRawShape): Record<string, FieldInfo> {
  return Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, fieldInfo(s as z.ZodType)]));
}
