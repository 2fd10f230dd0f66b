// The field types entity schemas are built from, with the limits the store enforces on every input. Range
// messages are written here (zod's own name neither field nor bounds); guard.ts prefixes the field name.
import { z } from 'zod';
import type { ChannelName } from '../../core/message';

/** Longest identifier-like string (codes, ids, names, channel names). */
const MAX_ID = 256;
/** Longest free text (messages, notes, errors). */
const MAX_TEXT = 20_000;

export function str(max = MAX_ID, min = 1) {
  const message = `must be ${min}–${max} characters long`;
  return z.string().min(min, message).max(max, message);
}

/** A string checked only for its length, typed as the union callers use (the store accepts new names). */
export const strOf = <T extends string>(max = MAX_ID) => str(max) as unknown as z.ZodType<T>;

export const text = str(MAX_TEXT, 0);
export const date = z.date();
export const num = z.number();
export const bool = z.boolean();

export function int(min: number, max = Number.MAX_SAFE_INTEGER) {
  const message = `must be between ${min} and ${max}`;
  return z.int().min(min, message).max(max, message);
}

export function list<T extends z.ZodType>(item: T, max = 10_000) {
  return z.array(item).max(max, `must have at most ${max} items`);
}

/** Anything JSON can carry (conversation state, audit snapshots, knowledge documents). */
export function json(maxBytes = 5_000_000) {
  return z.unknown().superRefine((v, ctx) => {
    let s: string | undefined;
    try {
      s = JSON.stringify(v);
    } catch {
      s = undefined;
    }
    if (s === undefined) ctx.addIssue({ code: 'custom', message: 'must be JSON-serialisable' });
    else if (s.length > maxBytes) ctx.addIssue({ code: 'custom', message: 'is too large' });
  });
}

export const channel = strOf<ChannelName>(32);
export const userId = str();
export const storeId = str();
/**
 * The commune a record belongs to (its id in knowledge/communes/); null = the deployment's default commune,
 * which is what every row written before communes existed means.
 */
export const commune = str().nullable();
