// The Zalo channel for the outbox sender: renders a Reply, sends it with a fresh token, and on a
// token error (-216/-220) refreshes once and retries once.
import type { Reply } from '../../src/core/message';
import type { ChannelSender } from '../../src/pipeline/channel';
import { SendError } from '../../src/pipeline/errors';
import type { TokenManager } from '../../src/pipeline/token-manager';
import type { ZaloApiClient, ZaloCsMessage } from './api-client';

const MAX_BUTTONS = 5;

export function renderZalo(reply: Reply): ZaloCsMessage {
  const buttons = reply.options.slice(0, MAX_BUTTONS).map((o) => ({ title: o.slice(0, 100), type: 'oa.query.show' as const, payload: o.slice(0, 1000) }));
  return buttons.length > 0 ? { text: reply.text, buttons } : { text: reply.text };
}

export class ZaloChannelSender implements ChannelSender {
  readonly channel = 'zalo' as const;

  constructor(
    private readonly api: ZaloApiClient,
    private readonly tokens: TokenManager,
  ) {}

  async send(userId: string, reply: Reply): Promise<{ messageId: string }> {
    const msg = renderZalo(reply);
    const token = await this.tokens.getAccessToken();
    try {
      return await this.sendWithFallback(token, userId, msg);
    } catch (e) {
      if (!(e instanceof SendError) || e.kind !== 'token') throw e;
    }
    const fresh = await this.tokens.refreshAfterRejection(token);
    try {
      return await this.sendWithFallback(fresh, userId, msg);
    } catch (e) {
      if (e instanceof SendError && e.kind === 'token') {
        throw new SendError('config', `token rejected again after refresh: ${e.message}`, e.platformCode);
      }
      throw e;
    }
  }

  /** Buttons on /message/cs are unconfirmed: when Zalo rejects the payload (-201), send the text alone. */
  private async sendWithFallback(token: string, userId: string, msg: ZaloCsMessage): Promise<{ messageId: string }> {
    try {
      return await this.api.sendCs(token, userId, msg);
    } catch (e) {
      if (msg.buttons && e instanceof SendError && e.platformCode === '-201') {
        return this.api.sendCs(token, userId, { text: msg.text });
      }
      throw e;
    }
  }
}
