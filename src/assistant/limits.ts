// Abuse limits on what a citizen can make the bot do (look up receipt codes, ask for a person), counted
// in the store so that they hold across instances, and per client address so that a web chat client
// cannot escape them by inventing new session ids. Fixed windows: simple, and exact enough for this.
import type { CounterStore } from '../store/ports';

export interface Rule {
  /** What is counted, e.g. "lookup:addr:203.0.113.7". */
  key: string;
  limit: number;
  windowMs: number;
}

/** Counts one use against every rule; false when any of them is over its limit. */
export async function allowed(counters: CounterStore, rules: Rule[], now: Date): Promise<boolean> {
  let ok = true;
  for (const r of rules) {
    const window = Math.floor(now.getTime() / r.windowMs);
    const count = await counters.increment(`${r.key}:${window}`, now, new Date((window + 1) * r.windowMs));
    if (count > r.limit) ok = false;
  }
  return ok;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface LookupLimits {
  perConversationPerMinute: number;
  perAddressPerMinute: number;
  perAddressPerHour: number;
  /** All lookups of the service: bounds how fast anyone, from anywhere, can sweep receipt codes. */
  globalPerMinute: number;
}
export const DEFAULT_LOOKUP_LIMITS: LookupLimits = {
  perConversationPerMinute: 5,
  perAddressPerMinute: 10,
  perAddressPerHour: 60,
  globalPerMinute: 300,
};

export interface HandoffLimits {
  perConversationPerDay: number;
  perAddressPerHour: number;
}
export const DEFAULT_HANDOFF_LIMITS: HandoffLimits = { perConversationPerDay: 3, perAddressPerHour: 5 };

export function lookupRules(l: LookupLimits, conversation: string, address: string | undefined): Rule[] {
  return [
    { key: `lookup:conv:${conversation}`, limit: l.perConversationPerMinute, windowMs: MINUTE },
    ...(address
      ? [
          { key: `lookup:addr:${address}`, limit: l.perAddressPerMinute, windowMs: MINUTE },
          { key: `lookup:addr-hour:${address}`, limit: l.perAddressPerHour, windowMs: HOUR },
        ]
      : []),
    { key: 'lookup:all', limit: l.globalPerMinute, windowMs: MINUTE },
  ];
}

export function handoffRules(l: HandoffLimits, conversation: string, address: string | undefined): Rule[] {
  return [
    { key: `handoff:conv:${conversation}`, limit: l.perConversationPerDay, windowMs: DAY },
    ...(address ? [{ key: `handoff:addr:${address}`, limit: l.perAddressPerHour, windowMs: HOUR }] : []),
  ];
}
