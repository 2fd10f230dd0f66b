// Dossier status news by Zalo ZNS: the configured template, sent with the OA's token (refreshed once on a
// token error, like every OpenAPI call).
import type { PhoneNotifier, TokenManager } from '../../src/pipeline/public';
import { withOaToken } from './with-token';
import type { ZaloZnsClient } from './zns-client';

export class ZaloZnsNotifier implements PhoneNotifier {
  constructor(
    private readonly api: ZaloZnsClient,
    private readonly tokens: TokenManager,
    private readonly templateId: string,
  ) {}

  async send(phone: string, data: Record<string, string>, trackingId: string): Promise<void> {
    await withOaToken(this.tokens, (token) =>
      this.api.sendTemplate(token, { phone, templateId: this.templateId, templateData: data, trackingId }),
    );
  }
}
