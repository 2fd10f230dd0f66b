// Small typed client for the Messenger Send API (reference §5.4) and the Conversations API (§6a).
import { createHmac } from 'node:crypto';
import axios, { type AxiosInstance } from 'axios';
import { SendError, type ConversationMessage } from '../../src/pipeline/public';
import { graphError, type GraphError } from './errors';

export interface MessengerQuickReply {
  content_type: 'text';
  title: string;
  payload: string;
}

export interface MessengerTextMessage {
  text: string;
  quick_replies?: MessengerQuickReply[];
}

export interface MessengerApiClientOptions {
  baseUrl: string;
  apiVersion: string;
  pageAccessToken: string;
  appSecret: string;
  timeoutMs?: number;
}

export class MessengerApiClient {
  private readonly http: AxiosInstance;
  private readonly proof: string;

  constructor(private readonly o: MessengerApiClientOptions) {
    this.http = axios.create({
      baseURL: o.baseUrl.replace(/\/+$/, ''),
      timeout: o.timeoutMs ?? 10_000,
      validateStatus: () => true,
    });
    this.proof = createHmac('sha256', o.appSecret).update(o.pageAccessToken).digest('hex');
  }

  private get version(): string {
    return this.o.apiVersion.startsWith('v') ? this.o.apiVersion : `v${this.o.apiVersion}`;
  }

  /** The Page's recent messages with one person, both sides (Conversations API). */
  async conversation(psid: string): Promise<ConversationMessage[]> {
    const list = await this.graphGet<{ data?: Array<{ id?: unknown }> }>('me/conversations', {
      platform: 'messenger',
      user_id: psid,
    });
    const id = list.data?.[0]?.id;
    if (typeof id !== 'string') return [];
    const conv = await this.graphGet<{ messages?: { data?: unknown[] } }>(encodeURIComponent(id), {
      fields: 'messages{message,from,created_time}',
    });
    return (conv.messages?.data ?? []).flatMap((m) => {
      if (typeof m !== 'object' || m === null) return [];
      const r = m as { message?: unknown; from?: { id?: string | number }; created_time?: unknown };
      const at = typeof r.created_time === 'string' ? Date.parse(r.created_time) : NaN;
      return [
        {
          fromUs: String(r.from?.id ?? '') !== psid,
          text: typeof r.message === 'string' ? r.message : '',
          at: Number.isFinite(at) ? at : null,
        },
      ];
    });
  }

  private async graphGet<T>(path: string, params: Record<string, string>): Promise<T> {
    let res;
    try {
      res = await this.http.get<T & { error?: GraphError }>(`/${this.version}/${path}`, {
        params: { ...params, access_token: this.o.pageAccessToken, appsecret_proof: this.proof },
      });
    } catch (err) {
      throw noResponse(err);
    }
    const data = (typeof res.data === 'object' && res.data) || ({} as T & { error?: GraphError });
    if (data.error || res.status >= 400) throw graphError(data.error, res.status);
    return data;
  }

  /** Send one message inside the 24-hour window (messaging_type RESPONSE). */
  async send(psid: string, message: MessengerTextMessage): Promise<{ messageId: string }> {
    const version = this.version;
    const body = {
      recipient: { id: psid },
      messaging_type: 'RESPONSE',
      message: { ...message, text: message.text.normalize('NFC') },
    };
    let res;
    try {
      res = await this.http.post<{ message_id?: string; error?: GraphError }>(
        `/${version}/me/messages`,
        body,
        {
          params: { access_token: this.o.pageAccessToken, appsecret_proof: this.proof },
          headers: { 'Content-Type': 'application/json' },
        },
      );
    } catch (err) {
      throw noResponse(err);
    }
    const data = (typeof res.data === 'object' && res.data) || {};
    if (data.error || res.status >= 400) throw graphError(data.error, res.status);
    if (typeof data.message_id !== 'string')
      throw new SendError('retryable', 'unexpected Graph response', `http_${res.status}`);
    return { messageId: data.message_id };
  }
}

/** A request that got no HTTP answer (refused, reset, timed out): worth retrying. */
function noResponse(err: unknown): SendError {
  const code = axios.isAxiosError(err) ? (err.code ?? 'network') : 'network';
  return new SendError('retryable', `no response (${code})`, code);
}
