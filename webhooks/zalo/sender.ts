// The Zalo channel for the outbox sender: renders a Reply and sends it with a fresh token (refreshed
// once on a token error, see with-token.ts).
import {
  type Reply,
  type ChannelSender,
  SendError,
  type TokenManager,
  sentSince,
} from '../../src/pipeline/public';
import type { ZaloApiClient, ZaloCsMessage } from './api-client';
import { parseZaloConversation } from './conversation';
import { withOaToken } from './with-token';

const MAX_BUTTONS = 5;
/** Pages of 10 read back when checking an uncertain send: a crash is recent, the part is near the top. */
const HISTORY_PAGES = 3;

export function renderZalo(reply: Reply): ZaloCsMessage {
  const buttons = reply.options
    .slice(0, MAX_BUTTONS)
    .map((o) => ({ title: o.slice(0, 100), type: 'oa.query.show' as const, payload: o.slice(0, 1000) }));
  return buttons.length > 0 ? { text: reply.text, buttons } : { text: reply.text };
}

export class ZaloChannelSender implements ChannelSender {
  readonly channel = 'zalo' as const;

  constructor(
    private readonly api: ZaloApiClient,
    /** The token manager of an OA (absent = the default OA). */
    private readonly tokensFor: (account?: string) => TokenManager,
  ) {}

  send(userId: string, reply: Reply, account?: string): Promise<{ messageId: string }> {
    const msg = renderZalo(reply);
    return withOaToken(this.tokensFor(account), (token) => this.sendWithFallback(token, userId, msg));
  }

  delivered(userId: string, reply: Reply, since: Date, account?: string): Promise<boolean> {
    const text = renderZalo(reply).text;
    return withOaToken(this.tokensFor(account), async (token) => {
      for (let page = 0; page < HISTORY_PAGES; page++) {
        const messages = parseZaloConversation(await this.api.conversation(token, userId, page * 10), userId);
        if (sentSince(messages, text, since)) return true;
        // Newest first: once a page reaches back before the attempt (or runs out), the part is not there.
        if (messages.length < 10 || messages.some((m) => m.at !== null && m.at < since.getTime()))
          return false;
      }
      return false;
    });
  }

  /** Buttons on /message/cs are unconfirmed: when Zalo rejects the payload (-201), send the text alone. */
  private async sendWithFallback(
    token: string,
    userId: string,
    msg: ZaloCsMessage,
  ): Promise<{ messageId: string }> {
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
