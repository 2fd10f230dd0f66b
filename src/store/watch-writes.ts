// Wraps a store engine's ports so that every storage failure is reported to its WriteHealth (kept apart
// from write-health.ts, which the ports' types name, so the two do not import each other).
import type { Stores } from './ports';
import { isStorageFailure, WriteHealth } from './write-health';

type Engine = Omit<Stores, 'writes'>;

/**
 * Every port method reports storage failures to `health`; only the probe write reports recovery, because a
 * write that changes nothing (a claim that finds no item) commits even on a full disk.
 */
export function watchWrites(s: Engine, health = new WriteHealth()): Stores {
  const watch = <T extends object>(port: T): T => {
    const out: Record<string, unknown> = {};
    for (const [name, fn] of Object.entries(port)) {
      if (typeof fn !== 'function') continue;
      out[name] = async (...args: unknown[]) => {
        try {
          return await (fn as (...a: unknown[]) => Promise<unknown>).apply(port, args);
        } catch (err) {
          if (isStorageFailure(err)) health.failed(err);
          throw err;
        }
      };
    }
    return out as T;
  };
  const watched: Record<string, unknown> = { writes: health };
  for (const [key, value] of Object.entries(s)) {
    watched[key] = typeof value === 'function' ? value : watch(value as object);
  }
  const probe = watch({ probeWrite: s.probeWrite });
  watched['probeWrite'] = async (owner: string, at: Date) => {
    await probe.probeWrite(owner, at);
    health.succeeded();
  };
  return watched as unknown as Stores;
}
