// Mongoose schemas follow an entity schema: a required path per field, `default: null` where the field is
// nullable, enums kept, lists of sub-documents without their own _id, JSON values as Mixed. Documents are
// read back with exactly the entity's fields.
import { Schema, type SchemaDefinition } from 'mongoose';
import type { z } from 'zod';
import { fieldsOf, type FieldInfo } from '../entities/field-info';

const TYPES = { string: String, number: Number, boolean: Boolean, date: Date } as const;

function pathOf(f: FieldInfo): Record<string, unknown> {
  const presence = f.nullable ? { default: null } : {};
  switch (f.kind) {
    case 'string':
      return {
        type: String,
        // mongoose's `required` refuses the empty string, which free text allows.
        ...(f.minLength > 0 && !f.nullable ? { required: true } : {}),
        ...(f.values ? { enum: f.nullable ? [...f.values, null] : f.values } : {}),
        ...presence,
      };
    case 'list': {
      const item = f.item.kind === 'object' ? subSchema(f.item.fields) : pathOf(f.item).type;
      return { type: [item], default: [] };
    }
    case 'object':
      return { type: subSchema(f.fields), ...(f.nullable ? presence : { required: true }) };
    case 'json':
      return { type: Schema.Types.Mixed, ...presence };
    default:
      return { type: TYPES[f.kind], ...(f.nullable ? presence : { required: true }) };
  }
}

const definitionOf = (fields: Record<string, FieldInfo>): SchemaDefinition =>
  Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, pathOf(f)])) as SchemaDefinition;

const subSchema = (fields: Record<string, FieldInfo>) => new Schema(definitionOf(fields), { _id: false });

export const mongooseDefinition = (shape: z.ZodRawShape): SchemaDefinition => definitionOf(fieldsOf(shape));

function value(f: FieldInfo, v: unknown): unknown {
  if (v === undefined || v === null) return f.kind === 'list' ? [] : f.nullable ? null : v;
  if (f.kind === 'list') return (v as unknown[]).map((item) => value(f.item, item));
  if (f.kind === 'object') return pick(f.fields, v as Record<string, unknown>);
  return v;
}

function pick(fields: Record<string, FieldInfo>, o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, value(f, o[k])]));
}

/**
 * Exactly the entity's fields of a document or an entity (nulls where a server left a nullable field out):
 * reading a document back, and writing an entity without extra properties (the schemas are strict).
 */
export function fieldsFor<S extends z.ZodRawShape>(shape: S): (o: object) => z.infer<z.ZodObject<S>> {
  const fields = fieldsOf(shape);
  return (o) => pick(fields, o as Record<string, unknown>) as z.infer<z.ZodObject<S>>;
}
