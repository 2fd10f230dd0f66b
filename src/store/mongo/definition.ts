// Mongoose schemas follow an entity schema: a path per field, required unless the field is nullable
// (`default: null`) or optional, enums kept, lists of sub-documents without their own _id, JSON values as
// Mixed. Documents are read back with exactly the entity's fields.
import { Schema, type SchemaDefinition } from 'mongoose';
import type { z } from 'zod';
import { fieldsOf, missingValue, type FieldInfo } from '../entities/field-info';

const TYPES = { string: String, number: Number, boolean: Boolean, date: Date } as const;

const PRESENCE = { required: { required: true }, nullable: { default: null }, optional: {} } as const;

function pathOf(f: FieldInfo): Record<string, unknown> {
  const presence = PRESENCE[f.presence];
  switch (f.kind) {
    case 'string':
      return {
        type: String,
        // mongoose's `required` refuses the empty string, which free text allows.
        ...(f.minLength > 0 || f.presence !== 'required' ? presence : {}),
        ...(f.values ? { enum: f.presence === 'nullable' ? [...f.values, null] : f.values } : {}),
      };
    case 'list': {
      const item = f.item.kind === 'object' ? subSchema(f.item.fields) : pathOf(f.item).type;
      return { type: [item], default: [] };
    }
    case 'object':
      return { type: subSchema(f.fields), ...presence };
    case 'json':
      return { type: Schema.Types.Mixed, ...(f.presence === 'required' ? {} : presence) };
    default:
      return { type: TYPES[f.kind], ...presence };
  }
}

const definitionOf = (fields: Record<string, FieldInfo>): SchemaDefinition =>
  Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, pathOf(f)]));

const subSchema = (fields: Record<string, FieldInfo>) => new Schema(definitionOf(fields), { _id: false });

export const mongooseDefinition = (shape: z.ZodRawShape): SchemaDefinition => definitionOf(fieldsOf(shape));

function value(f: FieldInfo, v: unknown): unknown {
  if (v === undefined || v === null)
    return f.kind === 'list' ? [] : f.presence === 'required' ? v : missingValue(f);
  if (f.kind === 'list') return (v as unknown[]).map((item) => value(f.item, item));
  if (f.kind === 'object') return pick(f.fields, v as Record<string, unknown>);
  return v;
}

/** An optional field left out stays out (mongoose would otherwise store what undefined casts to). */
function pick(fields: Record<string, FieldInfo>, o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).flatMap(([k, f]) => {
      const v = value(f, o[k]);
      return v === undefined ? [] : [[k, v]];
    }),
  );
}

/**
 * Exactly the entity's fields of a document or an entity (nulls where a server left a nullable field out):
 * reading a document back, and writing an entity without extra properties (the schemas are strict).
 */
export function fieldsFor<S extends z.ZodRawShape>(shape: S): (o: object) => z.infer<z.ZodObject<S>> {
  const fields = fieldsOf(shape);
  return (o) => pick(fields, o as Record<string, unknown>) as z.infer<z.ZodObject<S>>;
}
