// Live lookup in the provincial one-stop system (DOSSIER_API_URL) for codes not found locally:
// GET {base}/dossiers/{code} answers 200 with the dossier as JSON, or 404 when the code is unknown. Every
// attempt has a timeout; network errors, timeouts, 429 and 5xx are retried with backoff and jitter; after
// a run of failed lookups a circuit breaker stops calling for a cool-down. A remote that is down never
// becomes an error for the citizen: the lookup answers 'unavailable' and the assistant apologises.
import axios, { type AxiosInstance } from 'axios';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { RemoteLookup } from '../assistant/remote-lookup';
import { normalizeCode } from '../nlu/receipt-code';
import { backoffDelay, type BackoffPolicy } from '../pipeline/backoff';
import { DOSSIER_STATUSES, type Dossier, type DossierStatus } from '../store/ports';
import { CircuitBreaker } from './circuit-breaker';
import { parseStatusWord } from './status-words';

export interface RemoteLookupOptions {
  baseUrl: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Attempts after the first one, for retryable failures. */
  retries?: number;
  backoff?: Pick<BackoffPolicy, 'baseMs' | 'maxMs'>;
  /** Consecutive failed lookups that open the breaker, and how long it stays open. */
  failureThreshold?: number;
  coolDownMs?: number;
  logger?: Logger;
  now?: () => number;
  random?: () => number;
}

// Our status ids, or the Vietnamese words provincial systems use (as in their exports).
const status = z.string().transform((s, ctx): DossierStatus => {
  const found = (DOSSIER_STATUSES as readonly string[]).includes(s)
    ? (s as DossierStatus)
    : parseStatusWord(s);
  if (!found) ctx.addIssue({ code: 'custom', message: `unknown status "${s.slice(0, 40)}"` });
  return found ?? 'received';
});
const text = z
  .string()
  .max(2_000)
  .nullish()
  .transform((v) => v ?? null);
const remoteDossier = z.object({
  code: z.string().min(1).max(64),
  procedureId: z.string().min(1).max(256),
  applicantName: z.string().min(1).max(200),
  phone: z
    .string()
    .max(32)
    .nullish()
    .transform((v) => v ?? null),
  receivedAt: z.coerce.date(),
  dueAt: z.coerce.date(),
  status,
  reason: text,
  note: text,
  history: z
    .array(z.object({ status, at: z.coerce.date(), note: text }))
    .max(100)
    .optional(),
  updatedAt: z.coerce.date().optional(),
});

/** Why one attempt failed, and whether another attempt could help. */
class AttemptFailed extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

function toDossier(body: unknown, code: string): Dossier {
  const r = remoteDossier.safeParse(body);
  if (!r.success) {
    const [issue] = r.error.issues;
    throw new AttemptFailed(
      `unexpected answer: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'not a dossier'}`,
      false,
    );
  }
  const d = r.data;
  if (normalizeCode(d.code) !== code) throw new AttemptFailed('answered about another code', false);
  const history = d.history?.length
    ? d.history
    : [{ status: d.status, at: d.updatedAt ?? d.receivedAt, note: null }];
  return { ...d, code, history, updatedAt: d.updatedAt ?? history.at(-1)?.at ?? d.receivedAt };
}

export function remoteDossierLookup(o: RemoteLookupOptions): RemoteLookup {
  const http: AxiosInstance = axios.create({
    baseURL: o.baseUrl.replace(/\/+$/, ''),
    timeout: o.timeoutMs ?? 2_000,
    validateStatus: () => true,
    headers: { Accept: 'application/json' },
    transitional: { clarifyTimeoutError: true },
  });
  const retries = o.retries ?? 2;
  const policy: BackoffPolicy = { baseMs: 200, maxMs: 2_000, ...o.backoff, maxAttempts: retries + 1 };
  const breaker = new CircuitBreaker({
    threshold: o.failureThreshold ?? 5,
    coolDownMs: o.coolDownMs ?? 30_000,
    now: o.now,
  });

  async function attempt(code: string): Promise<Dossier | null> {
    let res;
    try {
      res = await http.get(`/dossiers/${encodeURIComponent(code)}`);
    } catch (err) {
      throw new AttemptFailed(
        `no answer (${axios.isAxiosError(err) ? (err.code ?? 'network') : 'network'})`,
        true,
      );
    }
    if (res.status === 404) return null;
    if (res.status === 429 || res.status >= 500) throw new AttemptFailed(`HTTP ${res.status}`, true);
    if (res.status !== 200) throw new AttemptFailed(`HTTP ${res.status}`, false);
    return toDossier(res.data, code);
  }

  return async (code) => {
    if (!breaker.allow()) return 'unavailable';
    for (let i = 1; ; i++) {
      try {
        const found = await attempt(code);
        breaker.success();
        return found;
      } catch (err) {
        const failed = err instanceof AttemptFailed ? err : new AttemptFailed(String(err), false);
        if (!failed.retryable || i > retries) {
          breaker.failure();
          // The code is not logged: it identifies a citizen's dossier.
          o.logger?.warn(
            { error: failed.message, attempts: i, breaker: breaker.state },
            'remote dossier lookup failed',
          );
          return 'unavailable';
        }
        await new Promise((r) => setTimeout(r, backoffDelay(i, policy, o.random)));
      }
    }
  };
}
