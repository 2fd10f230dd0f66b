// What the OA's JSON APIs (consultation messages, ZNS, conversation history) have in common: the bare
// `access_token` header, answered with the `{ error, message, data }` envelope (reference §2.2); a POST's
// answer carries its id in `data`, a GET takes its parameters as one JSON string in `data`.
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { SendError } from '../../src/pipeline/public';
import { zaloApiError } from './errors';
import { scalarText } from './normalise';

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
  async post(
    path: string,
    accessToken: string,
    body: unknown,
    idField: string,
    clean: (message: string) => string = (m) => m,
  ): Promise<string> {
    let res;
    try {
      res = await this.http.post(path, body, {
        headers: { access_token: accessToken, 'Content-Type': 'application/json' },
      });
    } catch (err) {
      throw networkError(err);
    }
    const data = envelopeData(res, clean);
    const id =
      typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[idField] : undefined;
    if (typeof id !== 'string')
      throw new SendError('retryable', 'unexpected Zalo response', `http_${res.status}`);
    return id;
  }

  /** GET with `?data=<JSON>`; resolves with the envelope's `data` (whatever its shape). */
  async get(path: string, accessToken: string, params: unknown): Promise<unknown> {
    let res;
    try {
      res = await this.http.get(path, {
        params: { data: JSON.stringify(params) },
        headers: { access_token: accessToken },
      });
    } catch (err) {
      throw networkError(err);
    }
    return envelopeData(res, (m) => m) ?? null;
  }
}

/** Errors usually come with HTTP 200 and `error` ≠ 0, sometimes with 4xx/5xx. */
function envelopeData(res: AxiosResponse<unknown>, clean: (message: string) => string): unknown {
  const env: { error?: unknown; message?: unknown; data?: unknown } =
    (typeof res.data === 'object' && res.data) || {};
  if (typeof env.error === 'number' && env.error !== 0)
    throw zaloApiError(env.error, clean(scalarText(env.message)));
  if (res.status === 429) throw new SendError('rate_limited', 'HTTP 429', 'http_429', 2_000);
  if (res.status >= 500) throw new SendError('retryable', `HTTP ${res.status}`, `http_${res.status}`);
  if (res.status >= 400) throw new SendError('permanent', `HTTP ${res.status}`, `http_${res.status}`);
  if (env.error !== 0) throw new SendError('retryable', 'unexpected Zalo response', `http_${res.status}`);
  return env.data;
}

/** A request that got no HTTP answer (refused, reset, timed out): always worth retrying. */
function networkError(err: unknown): SendError {
  const code = axios.isAxiosError(err) ? (err.code ?? 'network') : 'network';
  return new SendError('retryable', `no response (${code})`, code);
}
