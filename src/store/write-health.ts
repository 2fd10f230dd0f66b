// Whether the store is taking writes. A disk that is full, read-only or failing makes writes throw while
// reads still work; the service must then stop claiming work, refuse webhooks with 503 (the platform
// retries) and report not ready, and come back by itself once a write succeeds again.
import { StoreInputError } from './guard';

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
// Duck-typed, not `instanceof Error`: a native addon's errors may come from another realm.
export function isStorageFailure(err: unknown): boolean {
  if (err instanceof StoreInputError || typeof err !== 'object' || err === null) return false;
  const { code, name } = err as { code?: unknown; name?: unknown };
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return !code.startsWith('SQLITE_CONSTRAINT');
  if (typeof name === 'string' && name.startsWith('Mongo')) return code !== 11000; // a duplicate key is an answer, not a failure
  return false;
}

function describe(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  const msg =
    typeof (err as { message?: unknown }).message === 'string'
      ? (err as { message: string }).message
      : String(err);
  return `${typeof code === 'string' ? `${code}: ` : ''}${msg}`.split('\n')[0]!.slice(0, 300);
}
