// Checks one parsed document against a schema, each zod issue as a file/field/reason problem staff can act on.
import type { ZodType, z } from 'zod';
import type { Problem } from '../core/problem';

function reasonOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'is missing';
  return issue.message.replace(/^Invalid input: /, '');
}

/** Validates one parsed document (also used for edits that come from the staff console). */
export function validate<T>(
  doc: unknown,
  rel: string,
  schema: ZodType<T>,
  problems: Problem[],
): T | undefined {
  const r = schema.safeParse(doc);
  if (r.success) return r.data;
  for (const issue of r.error.issues) {
    const field = issue.path.length ? issue.path.join('.') : '(file)';
    problems.push({ file: rel, field, reason: reasonOf(issue) });
  }
  return undefined;
}
