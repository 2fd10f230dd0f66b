// Whether the store is taking writes. A disk that is full, read-only or failing makes writes throw while
// reads still work; the service must then stop claiming work, refuse webhooks with 503 (the platform
// retries) and report not ready, and come back by itself once a write succeeds again.
import { StoreInputError } from './guard';
import type { Stores } from './ports';

export interface WriteHealthState {
  ok: boolean;
  /** When the current state began. */
  since: Date;
  /** The failure that began the current episode (null while ok). */
  error: string | null;
}

export class WriteHealth {
  private s: WriteHealthState = { ok: true, since: new Date(), error: null };
  private readonly listeners: Array<(s: WriteHealthState) => void> = [];

  get state(): WriteHealthState {
    return { ...this.s };
  }

  /** Called once per change (an episode begins or ends), never per failed write. */
  onChange(fn: (s: WriteHealthState) => void): void {
    this.listeners.push(fn);
  }

  failed(err: unknown): void {
    if (!this.s.ok) return;
    this.set({ ok: false, since: new Date(), error: describe(err) });
  }

  succeeded(): void {
    if (this.s.ok) return;
    this.set({ ok: true, since: new Date(), error: null });
  }

  private set(s: WriteHealthState): void {
    this.s = s;
    for (const fn of this.listeners) fn(this.state);
  }
}

/** An engine failure (disk full, I/O, read-only, lost connection), as opposed to refused input or a lost race. */
export function isStorageFailure(err: unknown): boolean {
  if (err instanceof StoreInputError || !(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return !code.startsWith('SQLITE_CONSTRAINT');
  if (err.name.startsWith('Mongo')) return code !== 11000; // a duplicate key is an answer, not a failure
  return false;
}

function describe(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  const msg = err instanceof Error ? err.message : String(err);
  return `${typeof code === 'string' ? `${code}: ` : ''}${msg}`.split('\n')[0]!.slice(0, 300);
}

// Methods that only read: their success says nothing about whether writes work.
const READS = new Set([
  'get', 'getMany', 'count', 'load', 'countPending', 'recent', 'list', 'depth', 'lastInboundAt', 'grouped',
  'between', 'forCode', 'forUser', 'current', 'history', 'revision', 'active', 'ping',
]);

type Engine = Omit<Stores, 'writes'>;

/** Every port method reports storage failures, and every successful write reports recovery, to `health`. */
export function watchWrites(s: Engine, health = new WriteHealth()): Stores {
  const watch = <T extends object>(port: T): T => {
    const out: Record<string, unknown> = {};
    for (const [name, fn] of Object.entries(port)) {
      if (typeof fn !== 'function') continue;
      out[name] = async (...args: unknown[]) => {
        try {
          const v: unknown = await (fn as (...a: unknown[]) => Promise<unknown>).apply(port, args);
          if (!READS.has(name)) health.succeeded();
          return v;
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
  watched['probeWrite'] = probe.probeWrite;
  return watched as unknown as Stores;
}
