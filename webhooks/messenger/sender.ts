// The Messenger channel for the outbox sender: Reply → text + quick replies (≤13, titles ≤20 chars).
import { type Reply, type ChannelSender, sentSince } from '../../src/pipeline/public';
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
  constructor(private readonly api: MessengerApiClient) {}

  send(userId: string, reply: Reply): Promise<{ messageId: string }> {
    return this.api.send(userId, renderMessenger(reply));
  }

  async delivered(userId: string, reply: Reply, since: Date): Promise<boolean> {
    return sentSince(await this.api.conversation(userId), renderMessenger(reply).text, since);
  }
}
