// Step 3 of the webhook: dedupe by (channel, message id) and persist BEFORE the platform is acknowledged.
import type { Logger } from 'pino';
import type { ChannelName, InboundMessage } from '../core/message';
import type { ContactStore, InboundStore } from '../store/ports';
import type { PipelineObserver } from './observer';
import { userRef } from './user-ref';

export type IngestResult = 'new' | 'duplicate';

export interface IngestDeps {
  inbound: InboundStore;
  contacts: ContactStore;
  observer: PipelineObserver;
  logger: Logger;
  /**
   * The commune a platform account (Zalo OA, Messenger Page) belongs to, or null (`communeByAccount` on the
   * current knowledge). Without it, or for an account no commune has, the message goes to the default commune.
   */
  communeOfAccount?: (channel: ChannelName, account: string) => string | null;
  /** Called after a new message is stored, to wake the background worker. */
  onNew?: () => void;
  now?: () => Date;
}

export class Ingestor {
  private lastReceivedMs = 0;

  constructor(private readonly deps: IngestDeps) {}

  /** Persist one normalised message; resolves only once it is durable. */
  async accept(msg: InboundMessage): Promise<IngestResult> {
    const receivedAt = this.nextReceivedAt();
    const rec = await this.deps.inbound.insertIfNew({
      channel: msg.channel,
      messageId: msg.messageId,
      userId: msg.userId,
      kind: msg.kind,
      text: msg.text,
      displayName: msg.displayName ?? null,
      sentAt: msg.sentAt,
      receivedAt,
      commune: this.communeOf(msg),
    });
    const duplicate = rec === null;
    // The consultation window is opened by the worker when it takes the message (one write less here).
    this.deps.observer.inbound(msg.channel, msg.kind, duplicate);
    if (duplicate) {
      this.deps.logger.info(
        { channel: msg.channel, user: userRef(msg.channel, msg.userId) },
        'redelivered event acknowledged, not answered again',
      );
      return 'duplicate';
    }
    this.deps.onNew?.();
    return 'new';
  }

  private communeOf(msg: InboundMessage): string | null {
    if (msg.commune !== undefined) return msg.commune;
    if (msg.account === undefined || !this.deps.communeOfAccount) return null;
    const commune = this.deps.communeOfAccount(msg.channel, msg.account);
    if (commune === null)
      this.deps.logger.warn(
        { channel: msg.channel, account: msg.account },
        'message to an account no commune has; answered as the default commune',
      );
    return commune;
  }

  /** A real interaction that opens the consultation window but needs no answer (e.g. a follow). */
  async interaction(channel: InboundMessage['channel'], userId: string, at: Date): Promise<void> {
    await this.touch(channel, userId, interactionTime(at, this.now()), null);
  }

  private touch(
    channel: InboundMessage['channel'],
    userId: string,
    at: Date,
    name: string | null,
  ): Promise<void> {
    return this.deps.contacts.touch(channel, userId, at, name);
  }

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  /** Strictly increasing per process, so receivedAt also orders messages that arrive in the same ms. */
  private nextReceivedAt(): Date {
    let ms = this.now().getTime();
    if (ms <= this.lastReceivedMs) ms = this.lastReceivedMs + 1;
    this.lastReceivedMs = ms;
    return new Date(ms);
  }
}

/**
 * When the citizen interacted: the platform's timestamp when plausible (redeliveries come late),
 * otherwise the time we received it. Never in the future.
 */
export function interactionTime(platformAt: Date, receivedAt: Date): Date {
  const p = platformAt.getTime();
  const r = receivedAt.getTime();
  if (!Number.isFinite(p) || p > r || r - p > 30 * 24 * 3_600_000) return receivedAt;
  return platformAt;
}
