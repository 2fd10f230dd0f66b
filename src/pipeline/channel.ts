import type { ChannelName, Reply } from '../core/message';

/** What the outbox sender needs from a channel: deliver one reply bubble to one citizen. */
export interface ChannelSender {
  readonly channel: ChannelName;
  /** Resolves with the platform's message id; rejects with a SendError (see ./errors). */
  send(userId: string, reply: Reply): Promise<{ messageId: string }>;
  /**
   * Whether this reply reached the citizen at or after `since`, read back from the platform's recent
   * conversation (neither platform takes an idempotency key). Rejects when the platform cannot be asked;
   * a channel without it leaves it out.
   */
  delivered?(userId: string, reply: Reply, since: Date): Promise<boolean>;
}
