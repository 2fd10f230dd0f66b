// Request input through zod: every refusal names the field and the reason (zod's Vietnamese, for staff).
import { locales, type ZodType } from 'zod';
import { invalidFields, type FieldProblem } from './api-error';

function problemsOf(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): FieldProblem[] {
  return issues.map((i) => ({
    field: i.path.length ? i.path.map(String).join('.') : '(body)',
    reason: i.message,
  }));
}

const vietnamese = locales.vi().localeError;

/** `what` names the input in Vietnamese, for the refusal ("Tài khoản chưa hợp lệ: …"). */
export function parse<T>(schema: ZodType<T>, input: unknown, what = 'Yêu cầu'): T {
  const r = schema.safeParse(input ?? {}, { error: vietnamese });
  if (r.success) return r.data;
  throw invalidFields(what, problemsOf(r.error.issues));
}
