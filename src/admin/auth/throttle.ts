// Failed sign-ins per (account, client address): after a few free failures each further attempt from
// that address waits twice as long as the one before, up to a cap. Nobody can lock an account out from
// elsewhere, and guessing from one address becomes slow. Counters live in the store, so the throttle
// holds across instances.
import type { CounterStore } from '../../store/ports';

export interface ThrottlePolicy {
  /** Failures allowed before delays start. */
  freeFailures: number;
  /** The counter is forgotten this long after the last failure. */
  windowMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/** How long after the `failures`-th failure the next attempt must wait. */
export function delayAfter(failures: number, p: ThrottlePolicy): number {
  if (failures < p.freeFailures) return 0;
  return Math.min(p.firstDelayMs * 2 ** Math.min(failures - p.freeFailures, 30), p.maxDelayMs);
}

export function loginThrottle(counters: CounterStore, p: ThrottlePolicy) {
  const key = (username: string, address: string) => `login:${username}\u0000${address}`;
  return {
    /** Milliseconds to wait before this attempt may be checked (0: go ahead). */
    async waitMs(username: string, address: string, now: Date): Promise<number> {
      const c = await counters.peek(key(username, address), now);
      if (!c) return 0;
      return Math.max(0, c.lastAt.getTime() + delayAfter(c.count, p) - now.getTime());
    },
    async failed(username: string, address: string, now: Date): Promise<void> {
      await counters.increment(key(username, address), now, new Date(now.getTime() + p.windowMs));
    },
    async succeeded(username: string, address: string): Promise<void> {
      await counters.delete(key(username, address));
    },
  };
}
