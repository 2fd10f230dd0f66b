// Settings from the environment through a zod schema. The server's config and the staff console's share
// this so that both treat a blank variable and a bad value the same way.
import { z } from 'zod';

/** Bad configuration: one English line naming the variable, which stops start-up. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable}: ${reason}`);
  }
}

/** A whole number from min to max (environment variables are text). */
export const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** An optional text; blank counts as unset. */
export const opt = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

/** An http(s) base URL, without trailing slashes. */
export const url = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^\s/]+/.test(v), 'must be an http(s) URL')
  .transform((v) => v.replace(/\/+$/, ''));

/** `value` when set; otherwise a ConfigError: `name` is required because the variable `because` is set. */
export function need(value: string | undefined, name: string, because: string): string {
  if (!value) throw new ConfigError(name, `is required when ${because} is set`);
  return value;
}

/**
 * The variables the schema names, parsed; any others in the environment are ignored. An empty variable
 * counts as unset (it gets the default), and the first problem is thrown as a ConfigError.
 */
export function parseEnv<S extends z.ZodObject>(
  schema: S,
  env: Record<string, string | undefined>,
): z.output<S> {
  const known = Object.fromEntries(
    Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = schema.safeParse(known);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  return parsed.data;
}
