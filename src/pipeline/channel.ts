import type { ChannelName, Reply } from '../core/message';

/** What the outbox sender needs from a channel: deliver one reply bubble to one citizen. */
export interface ChannelSender {
  readonly channel: ChannelName;
  /** Resolves with the platform's message id; rejects with a SendError (see ./errors). */
  send(userId: string, reply: Reply): Promise<{ messageId: string }>;
}
