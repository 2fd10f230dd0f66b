// Prometheus metrics (prom-client), one registry per server instance.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ChannelName, InboundKind } from '../core/message';
import type { PipelineObserver, ReconcileOutcome } from '../pipeline/observer';

export class Metrics implements PipelineObserver {
  readonly registry = new Registry();
  private readonly inboundEvents: Counter<'channel' | 'kind' | 'duplicate'>;
  private readonly repliesSent: Counter<'channel'>;
  private readonly repliesFailed: Counter<'channel' | 'reason'>;
  private readonly repliesDead: Counter<'channel'>;
  private readonly webhookRejected: Counter<'channel' | 'reason'>;
  private readonly reconciledItems: Counter<'channel' | 'outcome'>;
  private readonly inboundToSent: Histogram<'channel'>;
  private readonly confidence: Histogram<'channel'>;

  constructor(opts: { outboxDepth?: () => Promise<number>; defaultMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'motcua_' });
    // Every metric goes into this instance's registry, never prom-client's global one.
    const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
      new Counter<L>({ name, help, labelNames, registers });
    const histogram = <L extends string>(
      name: string,
      help: string,
      labelNames: readonly L[],
      buckets: number[],
    ) => new Histogram<L>({ name, help, labelNames, buckets, registers });
    this.inboundEvents = counter(
      'motcua_inbound_events_total',
      'Inbound citizen messages accepted, per channel and kind (duplicate="true" for redeliveries)',
      ['channel', 'kind', 'duplicate'],
    );
    this.repliesSent = counter('motcua_replies_sent_total', 'Reply bubbles delivered to the platform', [
      'channel',
    ]);
    this.repliesFailed = counter(
      'motcua_replies_failed_total',
      'Reply bubbles not sent because of a non-retryable error (window, unreachable, permanent, config)',
      ['channel', 'reason'],
    );
    this.repliesDead = counter(
      'motcua_replies_dead_lettered_total',
      'Reply bubbles dead-lettered after the last retry',
      ['channel'],
    );
    this.reconciledItems = counter(
      'motcua_outbox_reconciled_total',
      'Reply bubbles whose earlier attempt had an unknown outcome, checked against the conversation before sending; outcome="unknown" was sent again unchecked (a possible duplicate)',
      ['channel', 'outcome'],
    );
    this.webhookRejected = counter(
      'motcua_webhook_rejected_total',
      'Webhook requests refused (missing/bad signature, stale body)',
      ['channel', 'reason'],
    );
    this.inboundToSent = histogram(
      'motcua_inbound_to_sent_seconds',
      'Time from receiving a citizen message to delivering a reply bubble',
      ['channel'],
      [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 1800],
    );
    this.confidence = histogram(
      'motcua_understanding_confidence',
      'Confidence of the assistant in its understanding of each citizen message',
      ['channel'],
      [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1],
    );
    const depth = opts.outboxDepth;
    new Gauge({
      name: 'motcua_outbox_depth',
      help: 'Reply bubbles waiting in the outbox (pending or sending)',
      registers,
      async collect() {
        if (depth) this.set(await depth().catch(() => -1));
      },
    });
  }

  inbound(channel: ChannelName, kind: InboundKind, duplicate: boolean): void {
    this.inboundEvents.inc({ channel, kind, duplicate: String(duplicate) });
  }
  sent(channel: ChannelName, inboundToSentMs: number | null): void {
    this.repliesSent.inc({ channel });
    if (inboundToSentMs !== null && inboundToSentMs >= 0)
      this.inboundToSent.observe({ channel }, inboundToSentMs / 1000);
  }
  failed(channel: ChannelName, reason: string): void {
    this.repliesFailed.inc({ channel, reason });
  }
  deadLettered(channel: ChannelName): void {
    this.repliesDead.inc({ channel });
  }
  reconciled(channel: ChannelName, outcome: ReconcileOutcome): void {
    this.reconciledItems.inc({ channel, outcome });
  }
  rejected(channel: ChannelName, reason: string): void {
    this.webhookRejected.inc({ channel, reason });
  }
  understood(channel: ChannelName, confidence: number): void {
    if (Number.isFinite(confidence))
      this.confidence.observe({ channel }, Math.max(0, Math.min(1, confidence)));
  }

  /** Prometheus text exposition. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
  get contentType(): string {
    return this.registry.contentType;
  }
}
