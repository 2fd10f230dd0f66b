// The Messenger channel for the outbox sender: Reply → text + quick replies (≤13, titles ≤20 chars).
import { type Reply, type ChannelSender, SendError, sentSince } from '../../src/pipeline/public';
import type { MessengerApiClient, MessengerTextMessage } from './api-client';

export function renderMessenger(reply: Reply): MessengerTextMessage {
  const quick = reply.options.slice(0, 13).map((o) => ({
    content_type: 'text' as const,
    // Counted in code points, as the platform counts them.
    title: Array.from(o).length > 20 ? `${Array.from(o).slice(0, 19).join('')}…` : o,
    payload: o.slice(0, 1000),
  }));
  return quick.length > 0 ? { text: reply.text, quick_replies: quick } : { text: reply.text };
}

export class MessengerChannelSender implements ChannelSender {
  readonly channel = 'messenger' as const;
  constructor(
    /** The client holding a Page's token (absent = the default Page); null when that Page has none. */
    private readonly clientFor: (page?: string) => MessengerApiClient | null,
  ) {}

  private api(page: string | undefined): MessengerApiClient {
    const api = this.clientFor(page);
    if (!api) throw new SendError('config', `no Page access token for Page ${page ?? '(default)'}`);
    return api;
  }

  async send(userId: string, reply: Reply, page?: string): Promise<{ messageId: string }> {
    return this.api(page).send(userId, renderMessenger(reply));
  }

  async delivered(userId: string, reply: Reply, since: Date, page?: string): Promise<boolean> {
    return sentSince(await this.api(page).conversation(userId), renderMessenger(reply).text, since);
  }
}
