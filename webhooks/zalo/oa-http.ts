// What the OA's JSON APIs (consultation messages, ZNS) have in common: a POST with the bare `access_token`
// header, answered with the `{ error, message, data }` envelope (reference §2.2), the answer's id in `data`.
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { SendError } from '../../src/pipeline/errors';
import { zaloApiError } from './errors';

export interface ZaloOaHttpOptions {
  baseUrl: string;
  timeoutMs?: number;
}

export class ZaloOaHttp {
  private readonly http: AxiosInstance;

  constructor(opts: ZaloOaHttpOptions) {
    this.http = axios.create({
      baseURL: opts.baseUrl.replace(/\/+$/, ''),
      timeout: opts.timeoutMs ?? 10_000,
      // Every status resolves: the envelope, not axios, decides what an answer means.
      validateStatus: () => true,
      // A timeout is reported as ETIMEDOUT rather than the ECONNABORTED of an aborted request.
      transitional: { clarifyTimeoutError: true },
    });
  }

  /**
   * Resolves with `data[idField]` of the answer; rejects with a classified SendError. `clean` edits Zalo's
   * error message before it goes into the error (which reaches logs).
   */
  async post(path: string, accessToken: string, body: unknown, idField: string, clean: (message: string) => string = (m) => m): Promise<string> {
    let res;
    try {
      res = await this.http.post(path, body, { headers: { access_token: accessToken, 'Content-Type': 'application/json' } });
    } catch (err) {
      throw networkError(err);
    }
    return envelopeData(res, idField, clean);
  }
}

/** Errors usually come with HTTP 200 and `error` ≠ 0, sometimes with 4xx/5xx. */
function envelopeData(res: AxiosResponse<unknown>, idField: string, clean: (message: string) => string): string {
  const env: { error?: unknown; message?: unknown; data?: Record<string, unknown> } = (typeof res.data === 'object' && res.data) || {};
  if (typeof env.error === 'number' && env.error !== 0) throw zaloApiError(env.error, clean(String(env.message ?? '')));
  if (res.status === 429) throw new SendError('rate_limited', 'HTTP 429', 'http_429', 2_000);
  if (res.status >= 500) throw new SendError('retryable', `HTTP ${res.status}`, `http_${res.status}`);
  if (res.status >= 400) throw new SendError('permanent', `HTTP ${res.status}`, `http_${res.status}`);
  const id = env.data?.[idField];
  if (env.error !== 0 || typeof id !== 'string') throw new SendError('retryable', 'unexpected Zalo response', `http_${res.status}`);
  return id;
}

/** A request that got no HTTP answer (refused, reset, timed out): always worth retrying. */
function networkError(err: unknown): SendError {
  const code = axios.isAxiosError(err) ? (err.code ?? 'network') : 'network';
  return new SendError('retryable', `no response (${code})`, code);
}
