// Small typed client for the Messenger Send API (reference §5.4).
import { createHmac } from 'node:crypto';
import axios, { type AxiosInstance } from 'axios';
import { SendError } from '../../src/pipeline/errors';
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
    this.http = axios.create({ baseURL: o.baseUrl.replace(/\/+$/, ''), timeout: o.timeoutMs ?? 10_000, validateStatus: () => true });
    this.proof = createHmac('sha256', o.appSecret).update(o.pageAccessToken).digest('hex');
  }

  /** Send one message inside the 24-hour window (messaging_type RESPONSE). */
  async send(psid: string, message: MessengerTextMessage): Promise<{ messageId: string }> {
    const version = this.o.apiVersion.startsWith('v') ? this.o.apiVersion : `v${this.o.apiVersion}`;
    const body = { recipient: { id: psid }, messaging_type: 'RESPONSE', message: { ...message, text: message.text.normalize('NFC') } };
    let res;
    try {
      res = await this.http.post<{ message_id?: string; error?: GraphError }>(`/${version}/me/messages`, body, {
        params: { access_token: this.o.pageAccessToken, appsecret_proof: this.proof },
        headers: { 'Content-Type': 'application/json' },
      });
    } catch (err) {
      const code = axios.isAxiosError(err) ? (err.code ?? 'network') : 'network';
      throw new SendError('retryable', `no response (${code})`, code);
    }
    const data = (typeof res.data === 'object' && res.data) || {};
    if (data.error || res.status >= 400) throw graphError(data.error, res.status);
    if (typeof data.message_id !== 'string') throw new SendError('retryable', 'unexpected Graph response', `http_${res.status}`);
    return { messageId: data.message_id };
  }
}
