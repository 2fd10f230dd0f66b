// A commune's own version of some fields of a shared procedure, written in the procedure file's layout
// with only the fields it changes (knowledge/communes/<commune>/overrides/<procedure>.yaml). Nested
// objects merge key by key, units merge by id (same id replaces the unit, a new id adds one), every other
// value (a text, a list) replaces the shared one. The result must still pass the procedure schema.
import type { Problem } from '../core/problem';
import { validate } from './validate';
import { procedureSchema, type Procedure, type ProvinceFee } from './schema';

/** The fields an override changes, as written (checked against the procedure they apply to). */
export type ProcedureOverride = Readonly<Record<string, unknown>>;

/** Every procedure field but its id (the file name says which procedure it is). */
export const OVERRIDABLE_FIELDS: readonly string[] = Object.keys(procedureSchema.shape).filter(
  (k) => k !== 'id',
);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function merge(base: unknown, change: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(change)) return change;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(change)) out[k] = merge(base[k], v);
  return out;
}

function mergeUnits(base: Procedure['units'], change: unknown): unknown {
  if (!Array.isArray(change)) return change;
  const out: unknown[] = [...base];
  for (const u of change) {
    const id: unknown = isPlainObject(u) ? u['id'] : undefined;
    const at = base.findIndex((b) => b.id === id);
    if (at >= 0) out[at] = u;
    else out.push(u);
  }
  return out;
}

function merged(p: Procedure, o: ProcedureOverride): Record<string, unknown> {
  const out: Record<string, unknown> = { ...p };
  for (const [k, v] of Object.entries(o)) out[k] = k === 'units' ? mergeUnits(p.units, v) : merge(out[k], v);
  return out;
}

/**
 * Checks an override against the procedure it changes: a mapping of known fields whose result is a valid
 * procedure. Problems name the override's file.
 */
export function checkOverride(
  doc: unknown,
  procedure: Procedure | undefined,
  file: string,
): { override?: ProcedureOverride; problems: Problem[] } {
  const problems: Problem[] = [];
  if (!procedure) {
    problems.push({
      file,
      field: '(file)',
      reason: 'overrides an unknown procedure (no procedures/ file of that id)',
    });
    return { problems };
  }
  if (!isPlainObject(doc)) {
    problems.push({ file, field: '(file)', reason: 'must be a mapping of procedure fields' });
    return { problems };
  }
  const unknown = Object.keys(doc).filter((k) => !OVERRIDABLE_FIELDS.includes(k));
  if (unknown.length) {
    problems.push({ file, field: '(file)', reason: `unknown field(s) ${unknown.join(', ')}` });
    return { problems };
  }
  if (!validate(merged(procedure, doc), file, procedureSchema, problems)) return { problems };
  return { override: doc, problems };
}

/**
 * The procedure with a checked override applied. The loader and the published overlay check every
 * override against the procedure it meets, so the fallback (the shared procedure) is only a guard.
 */
export function applyOverride(p: Procedure, o: ProcedureOverride): Procedure {
  const r = procedureSchema.safeParse(merged(p, o));
  return r.success ? r.data : p;
}

/** The procedure with the fee the province set: its items (sourced to the decision when they name none). */
export function applyProvinceFee(p: Procedure, fee: ProvinceFee): Procedure {
  return {
    ...p,
    fee: {
      summary: fee.summary ?? p.fee.summary,
      items: fee.items.map((i) => ({ ...i, source: i.source ?? fee.decision })),
      free_cases: fee.free_cases ?? p.fee.free_cases,
    },
  };
}
