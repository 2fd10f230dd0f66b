// Input checks shared by both engines. Inputs come from webhooks, the admin API and imports; a value of the
// wrong type (an object where a code string is expected, say) must be refused before any engine sees it,
// so that it can never turn into a query operator. The checks are the entity schemas (entities/).
import type { z } from 'zod';

/** A caller passed a value the store refuses; the API maps it to 400. */
export class StoreInputError extends Error {
  override name = 'StoreInputError';
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  date: 'a valid Date',
  number: 'a finite number',
  int: 'an integer',
  boolean: 'a boolean',
  array: 'an array',
  object: 'an object',
};

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** The field an issue is about: its last property name (with any item indices after it), else the argument. */
function fieldName(path: readonly PropertyKey[], argument: string): string {
  let name = argument;
  let indices = '';
  for (const key of path) {
    if (typeof key === 'number') indices += `[${key}]`;
    else [name, indices] = [String(key), ''];
  }
  return name + indices;
}

/** One line naming the offending field, e.g. "code must be a string (got object)". */
function describe(issue: z.core.$ZodIssue, argument: string): string {
  const name = fieldName(issue.path, argument);
  switch (issue.code) {
    case 'invalid_type':
      return `${name} must be ${EXPECTED[issue.expected] ?? issue.expected} (got ${typeOf(issue.input)})`;
    case 'invalid_value':
      return `${name} must be one of ${issue.values.join(', ')}`;
    default:
      return `${name} ${issue.message}`;
  }
}

/** An argument's schema, named for the messages. */
export const arg = <T extends z.ZodType>(name: string, schema: T): T => schema.describe(name);

/** The schema of each argument of each method of a port, in order (each made with arg()). */
export type PortChecks<T> = {
  [M in keyof T]: T[M] extends (...args: infer A) => Promise<unknown>
    ? { [I in keyof A]: z.ZodType<A[I]> }
    : never;
};

/** Wrap a port so that every call is checked first; a refused call rejects with StoreInputError. */
export function guardPort<T extends object>(port: T, checks: PortChecks<T>): T {
  const guarded: Record<string, unknown> = {};
  for (const [method, argSchemas] of Object.entries(checks as Record<string, z.ZodType[]>)) {
    const fn = (port as Record<string, (...args: unknown[]) => Promise<unknown>>)[method];
    if (!fn) throw new Error(`port has no method ${method}`);
    guarded[method] = async (...args: unknown[]) => {
      argSchemas.forEach((schema, i) => {
        const checked = schema.safeParse(args[i], { reportInput: true });
        const [issue] = checked.error?.issues ?? [];
        if (issue) throw new StoreInputError(describe(issue, schema.description ?? `argument ${i + 1}`));
      });
      // The caller's values go on unchanged (the checks never rewrite them).
      return fn.apply(port, args);
    };
  }
  return guarded as T;
}
