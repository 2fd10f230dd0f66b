// Small typed client for the Zalo OA OpenAPI (reference §2): consultation messages on
// POST /v3.0/oa/message/cs with the bare `access_token` header, and the conversation read back (§6a).
import { ZaloOaHttp, type ZaloOaHttpOptions } from './oa-http';

export interface ZaloButton {
  title: string;
  type: 'oa.query.show';
  payload: string;
}

export interface ZaloCsMessage {
  text: string;
  buttons?: ZaloButton[];
}

export type ZaloApiClientOptions = ZaloOaHttpOptions;

export class ZaloApiClient {
  private readonly http: ZaloOaHttp;

  constructor(opts: ZaloApiClientOptions) {
    this.http = new ZaloOaHttp(opts);
  }

  /** Send one consultation ("tư vấn") message. Resolves with Zalo's message id; rejects with a SendError. */
  async sendCs(accessToken: string, userId: string, msg: ZaloCsMessage): Promise<{ messageId: string }> {
    const message: Record<string, unknown> = { text: msg.text.normalize('NFC') };
    if (msg.buttons && msg.buttons.length > 0) {
      message['attachment'] = { type: 'template', payload: { buttons: msg.buttons } };
    }
    const body = { recipient: { user_id: userId }, message };
    return { messageId: await this.http.post('/v3.0/oa/message/cs', accessToken, body, 'message_id') };
  }

  /** One page (newest first, at most 10) of the OA's conversation with a follower, raw `data`. */
  conversation(accessToken: string, userId: string, offset: number, count = 10): Promise<unknown> {
    return this.http.get('/v2.0/oa/conversation', accessToken, { user_id: userId, offset, count });
  }
}
