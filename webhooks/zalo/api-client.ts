// Small typed client for the Zalo OA OpenAPI (reference §2): consultation messages on
// POST /v3.0/oa/message/cs with the bare `access_token` header.
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { SendError } from '../../src/pipeline/errors';
import { zaloApiError } from './errors';

export interface ZaloButton {
  title: string;
  type: 'oa.query.show';
  payload: string;
}

export interface ZaloCsMessage {
  text: string;
  buttons?: ZaloButton[];
}

export interface ZaloApiClientOptions {
  baseUrl: string;
  timeoutMs?: number;
}


export class ZaloApiClient {
  private readonly http: AxiosInstance;

  constructor(opts: ZaloApiClientOptions) {
    this.http = axios.create({
      baseURL: opts.baseUrl.replace(/\/+$/, ''),
      timeout: opts.timeoutMs ?? 10_000,
      validateStatus: () => true,
      // Never let axios turn the response into anything but JSON/text we inspect ourselves.
      transitional: { clarifyTimeoutError: true },
    });
  }

  /** Send one consultation ("tư vấn") message. Resolves with Zalo's message id; rejects with a SendError. */
  async sendCs(accessToken: string, userId: string, msg: ZaloCsMessage): Promise<{ messageId: string }> {
    const message: Record<string, unknown> = { text: msg.text.normalize('NFC') };
    if (msg.buttons && msg.buttons.length > 0) {
      message['attachment'] = { type: 'template', payload: { buttons: msg.buttons } };
    }
    const body = { recipient: { user_id: userId }, message };
    let res;
    try {
      res = await this.http.post('/v3.0/oa/message/cs', body, {
        headers: { access_token: accessToken, 'Content-Type': 'application/json' },
      });
    } catch (err) {
      throw networkError(err);
    }
    return { messageId: envelopeData(res, 'message_id') };
  }
}

/**
 * The `{ error, message, data }` envelope of an OpenAPI answer (reference §2.2): errors usually come with
 * HTTP 200 and `error` ≠ 0, sometimes with 4xx/5xx. Returns `data[idField]`; throws a classified SendError.
 */
export function envelopeData(res: AxiosResponse<unknown>, idField: string, clean: (message: string) => string = (m) => m): string {
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
export function networkError(err: unknown): SendError {
  const code = axios.isAxiosError(err) ? (err.code ?? 'network') : 'network';
  return new SendError('retryable', `no response (${code})`, code);
}
