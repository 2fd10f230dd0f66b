// Durable outbox sender: delivers queued replies per citizen in order (the store only hands out an
// item when the citizen has no earlier unfinished one), retries retryable errors with backoff and
// jitter over hours, never retries window/unreachable/permanent errors, and dead-letters after the last
// attempt. At most once per part: the claim (state 'sending', attempt counted) is saved before the HTTP
// call, and an item whose earlier attempt has an unknown outcome is looked up in the platform's
// conversation before it is sent again.
import type { Logger } from 'pino';
import type { ChannelName } from '../core/message';
import type { ContactStore, OutboxItem, OutboxStore } from '../store/ports';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { ChannelSender } from './channel';
import { asSendError, describeSendError, isRetryable, mayHaveArrived, type SendError } from './errors';
import { NULL_OBSERVER, type PipelineObserver, type ReconcileOutcome } from './observer';
import { userRef } from './user-ref';
import { ClaimLoop, type Claims } from './claim-loop';
import { errText } from './err-text';
import { insideWindow, type Windows } from './windows';

export interface OutboxSenderOptions {
  outbox: OutboxStore;
  contacts: ContactStore;
  /** Replies outside the citizen's consultation window are not sent (the platform would refuse them). */
  windows: Windows;
  senders: ReadonlyMap<ChannelName, ChannelSender>;
  /**
   * The platform account (OA, Page) a reply of this commune goes out from; null or absent = the channel's
   * default account (one-account deployments, and records from before communes).
   */
  accountOf?: (channel: ChannelName, commune: string) => string | null;
  logger: Logger;
  owner: string;
  observer?: PipelineObserver;
  concurrency?: number;
  /** An item stuck in 'sending' longer than this is taken again (its sender died). */
  staleMs?: number;
  pollMs?: number;
  backoff?: BackoffPolicy;
  now?: () => Date;
  random?: () => number;
}

export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'dead';

export class OutboxSender extends ClaimLoop<OutboxItem> {
  private readonly observer: PipelineObserver;
  private readonly policy: BackoffPolicy;

  /** start(): items a dead process held go back at once (checked before they are sent again); then the loop. */
  constructor(private readonly o: OutboxSenderOptions) {
    super({
      name: 'outbox',
      logger: o.logger,
      owner: o.owner,
      concurrency: o.concurrency ?? 8,
      staleMs: o.staleMs ?? 60_000,
      pollMs: o.pollMs ?? 500,
    });
    this.observer = o.observer ?? NULL_OBSERVER;
    this.policy = o.backoff ?? DEFAULT_BACKOFF;
  }

  private now(): Date {
    return this.o.now ? this.o.now() : new Date();
  }

  private accountFor(item: OutboxItem): string | undefined {
    return (item.commune && this.o.accountOf?.(item.channel, item.commune)) || undefined;
  }

  protected claim(staleMs: number): Promise<OutboxItem | null> {
    return this.o.outbox.claimNext(this.o.owner, this.now(), staleMs);
  }

  protected process(item: OutboxItem): Promise<DeliveryOutcome> {
    return this.deliver(item);
  }

  protected claims(): Claims {
    return {
      claimOwners: () => this.o.outbox.claimOwners(),
      release: (owners) => this.o.outbox.release(owners, this.now()),
    };
  }

  /** Deliver one claimed item and record the outcome. */
  async deliver(item: OutboxItem): Promise<DeliveryOutcome> {
    const log = this.o.logger.child({
      channel: item.channel,
      user: userRef(item.channel, item.userId),
      outbox: item.id,
      seq: item.seq,
    });
    const sender = this.o.senders.get(item.channel);
    if (!sender) {
      return this.finish(item, 'failed', `config: channel ${item.channel} is off`, log);
    }
    const now = this.now();
    const last = await this.o.contacts.lastInboundAt(item.channel, item.userId);
    if (!insideWindow(this.o.windows, item.channel, last, now)) {
      return this.finish(
        item,
        'failed',
        `window: outside the ${item.channel} consultation window (not sent)`,
        log,
      );
    }
    if (
      item.uncertainSince &&
      (await this.reconcile(item, sender, item.uncertainSince, log)) === 'delivered'
    ) {
      await this.record(() => this.o.outbox.markSent(item.id, this.now(), null), log);
      return 'sent';
    }
    let messageId: string;
    const attemptAt = this.now();
    try {
      ({ messageId } = await sender.send(item.userId, item.reply, this.accountFor(item)));
    } catch (e) {
      const err = asSendError(e);
      return this.onError(item, err, log, attemptAt);
    }
    // Sent: if this cannot be saved the item stays 'sending' and is looked up before any second attempt.
    await this.record(() => this.o.outbox.markSent(item.id, this.now(), messageId), log);
    const latency = item.inboundReceivedAt ? this.now().getTime() - item.inboundReceivedAt.getTime() : null;
    this.observer.sent(item.channel, latency);
    log.info({ attempt: attemptOf(item) }, 'reply sent');
    return 'sent';
  }

  /** Did an earlier attempt go out? Only when the platform cannot say is the part sent again unchecked. */
  private async reconcile(
    item: OutboxItem,
    sender: ChannelSender,
    since: Date,
    log: Logger,
  ): Promise<ReconcileOutcome> {
    let outcome: ReconcileOutcome;
    try {
      if (!sender.delivered) throw new Error('the channel cannot read its conversation');
      outcome = (await sender.delivered(item.userId, item.reply, since, this.accountFor(item)))
        ? 'delivered'
        : 'not_delivered';
    } catch (err) {
      outcome = 'unknown';
      log.warn(
        { err: errText(err) },
        'could not check whether an earlier attempt went out; sending again (possible duplicate)',
      );
    }
    this.observer.reconciled(item.channel, outcome);
    if (outcome === 'delivered')
      log.info({ since: since.toISOString() }, 'earlier attempt found in the conversation; not sent again');
    return outcome;
  }

  /** A result that cannot be saved is logged, never swallowed; the item's claim then decides what happens. */
  private async record(write: () => Promise<void>, log: Logger): Promise<void> {
    try {
      await write();
    } catch (err) {
      log.error(
        { err: errText(err) },
        'could not record the delivery outcome; the item will be checked before any new attempt',
      );
      throw err;
    }
  }

  private async onError(
    item: OutboxItem,
    err: SendError,
    log: Logger,
    attemptAt: Date,
  ): Promise<DeliveryOutcome> {
    const detail = describeSendError(err);
    if (!isRetryable(err.kind)) {
      if (err.kind === 'config' || err.kind === 'token')
        log.error({ error: detail }, 'send failed: operator action needed');
      return this.finish(item, 'failed', detail, log);
    }
    const attempt = attemptOf(item);
    if (attempt >= this.policy.maxAttempts) {
      return this.finish(item, 'dead', `after ${attempt} attempts: ${detail}`, log);
    }
    const delay = Math.max(backoffDelay(attempt, this.policy, this.o.random), err.retryAfterMs ?? 0);
    const next = new Date(this.now().getTime() + delay);
    // A part seen in the conversation after this attempt began was sent by it.
    const uncertain = mayHaveArrived(err) ? (item.uncertainSince ?? attemptAt) : null;
    await this.record(() => this.o.outbox.retryLater(item.id, detail, next, uncertain), log);
    log.warn({ attempt, delayMs: delay, error: detail }, 'send failed; will retry');
    return 'retry';
  }

  private async finish(
    item: OutboxItem,
    state: 'failed' | 'dead',
    detail: string,
    log: Logger,
  ): Promise<DeliveryOutcome> {
    await this.record(() => this.o.outbox.markFinal(item.id, state, detail), log);
    if (state === 'dead') {
      this.observer.deadLettered(item.channel);
      log.error({ error: detail }, 'reply dead-lettered');
    } else {
      this.observer.failed(item.channel, detail.split(/[ :]/, 1)[0] ?? 'unknown');
      log.warn({ error: detail }, 'reply not sent (not retryable)');
    }
    return state;
  }
}

/** The number of this attempt (1 = first try): the store counts claims, this one included. */
function attemptOf(item: OutboxItem): number {
  return Math.max(1, item.attempts);
}
