// Request input through zod: every refusal names the field and the reason (English, for staff).
import type { ZodType } from 'zod';
import { invalidFields, type FieldProblem } from './api-error';

function problemsOf(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): FieldProblem[] {
  return issues.map((i) => ({
    field: i.path.length ? i.path.map(String).join('.') : '(body)',
    reason: i.message,
  }));
}

export function parse<T>(schema: ZodType<T>, input: unknown, what = 'request'): T {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  throw invalidFields(what, problemsOf(r.error.issues));
}
