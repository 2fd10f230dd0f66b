// Input checks shared by both engines. Inputs come from webhooks, the admin API and imports; a value of the
// wrong type (an object where a code string is expected, say) must be refused before any engine sees it,
// so that it can never turn into a query operator.

/** A caller passed a value the store refuses; the API maps it to 400. */
export class StoreInputError extends Error {
  override name = 'StoreInputError';
}

/** Checks one value; throws StoreInputError naming the offending field. */
export type Check = (value: unknown) => void;

function fail(name: string, expected: string, value: unknown): never {
  const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  throw new StoreInputError(`${name} must be ${expected} (got ${got})`);
}

/** Longest identifier-like string (codes, ids, names, channel names). */
export const MAX_ID = 256;
/** Longest free text (messages, notes, errors). */
export const MAX_TEXT = 20_000;

export function str(name: string, max = MAX_ID, min = 1): Check {
  return (v) => {
    if (typeof v !== 'string') fail(name, 'a string', v);
    if (v.length < min || v.length > max)
      throw new StoreInputError(`${name} must be ${min}–${max} characters long`);
  };
}

export function text(name: string): Check {
  return str(name, MAX_TEXT, 0);
}

export function date(name: string): Check {
  return (v) => {
    if (!(v instanceof Date) || Number.isNaN(v.getTime())) fail(name, 'a valid Date', v);
  };
}

export function int(name: string, min: number, max = Number.MAX_SAFE_INTEGER): Check {
  return (v) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) fail(name, 'an integer', v);
    if (v < min || v > max) throw new StoreInputError(`${name} must be between ${min} and ${max}`);
  };
}

export function num(name: string): Check {
  return (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(name, 'a finite number', v);
  };
}

export function bool(name: string): Check {
  return (v) => {
    if (typeof v !== 'boolean') fail(name, 'a boolean', v);
  };
}

export function oneOf(name: string, values: readonly string[]): Check {
  return (v) => {
    if (typeof v !== 'string' || !values.includes(v)) fail(name, `one of ${values.join(', ')}`, v);
  };
}

export function nullable(check: Check): Check {
  return (v) => {
    if (v !== null) check(v);
  };
}

/** A property that may be left out (undefined) but, when given, must pass. */
export function optional(check: Check): Check {
  return (v) => {
    if (v !== undefined) check(v);
  };
}

export function arrayOf(name: string, item: Check, max = 10_000): Check {
  return (v) => {
    if (!Array.isArray(v)) fail(name, 'an array', v);
    if (v.length > max) throw new StoreInputError(`${name} must have at most ${max} items`);
    v.forEach(item);
  };
}

/** A plain object whose listed properties pass their checks (other properties are ignored by engines). */
export function shape(name: string, props: Record<string, Check>): Check {
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Date)
      fail(name, 'an object', v);
    const o = v as Record<string, unknown>;
    for (const [key, check] of Object.entries(props)) check(o[key]);
  };
}

/** Anything JSON can carry (conversation state, audit snapshots, knowledge documents). */
export function json(name: string, maxBytes = 5_000_000): Check {
  return (v) => {
    let s: string | undefined;
    try {
      s = JSON.stringify(v);
    } catch {
      fail(name, 'JSON-serialisable', v);
    }
    if (s === undefined) fail(name, 'JSON-serialisable', v);
    if (s.length > maxBytes) throw new StoreInputError(`${name} is too large`);
  };
}

/** The checks of each argument of each method of a port, in order. */
export type PortChecks<T> = {
  [M in keyof T]: T[M] extends (...args: infer A) => Promise<unknown> ? { [I in keyof A]: Check } : never;
};

/** Wrap a port so that every call is checked first; a refused call rejects with StoreInputError. */
export function guardPort<T extends object>(port: T, checks: PortChecks<T>): T {
  const guarded: Record<string, unknown> = {};
  for (const method of Object.keys(checks)) {
    const argChecks = (checks as Record<string, Check[]>)[method];
    const fn = (port as Record<string, (...args: unknown[]) => Promise<unknown>>)[method];
    guarded[method] = async (...args: unknown[]) => {
      argChecks.forEach((check, i) => check(args[i]));
      return fn.apply(port, args);
    };
  }
  return guarded as T;
}
