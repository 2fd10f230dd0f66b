// Small typed client for Zalo ZNS (Zalo Notification Service): an approved template message to a phone
// number, for news the consultation window no longer allows. POST {base}/message/template with the OA's
// bare `access_token` header and the same `{ error, message, data }` envelope as the OpenAPI (reference
// §2.2); the message id is `data.msg_id`. The phone number never appears in an error (they reach logs).
import { ZaloOaHttp, type ZaloOaHttpOptions } from './oa-http';

export interface ZnsTemplateMessage {
  /** National form 0xxxxxxxxx (as dossiers keep it); sent as 84xxxxxxxxx. */
  phone: string;
  templateId: string;
  templateData: Record<string, string>;
  /** Our reference for the message, echoed in Zalo's delivery reports. */
  trackingId: string;
}

export type ZaloZnsClientOptions = ZaloOaHttpOptions;

const internationalPhone = (national: string): string => national.replace(/^0/, '84');

export class ZaloZnsClient {
  private readonly http: ZaloOaHttp;

  constructor(opts: ZaloZnsClientOptions) {
    this.http = new ZaloOaHttp(opts);
  }

  /** Resolves with Zalo's message id; rejects with a SendError. */
  async sendTemplate(accessToken: string, msg: ZnsTemplateMessage): Promise<{ messageId: string }> {
    const phone = internationalPhone(msg.phone);
    const body = {
      phone,
      template_id: msg.templateId,
      template_data: msg.templateData,
      tracking_id: msg.trackingId,
    };
    const hidePhone = (message: string) =>
      message.split(phone).join('[phone]').split(msg.phone).join('[phone]');
    return { messageId: await this.http.post('/message/template', accessToken, body, 'msg_id', hidePhone) };
  }
}
