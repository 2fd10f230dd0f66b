// Prometheus metrics (prom-client), one registry per server instance.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ChannelName, InboundKind } from '../core/message';
import type { PipelineObserver } from '../pipeline/observer';

export class Metrics implements PipelineObserver {
  readonly registry = new Registry();
  private readonly inboundEvents: Counter<'channel' | 'kind' | 'duplicate'>;
  private readonly repliesSent: Counter<'channel'>;
  private readonly repliesFailed: Counter<'channel' | 'reason'>;
  private readonly repliesDead: Counter<'channel'>;
  private readonly webhookRejected: Counter<'channel' | 'reason'>;
  private readonly inboundToSent: Histogram<'channel'>;
  private readonly confidence: Histogram<'channel'>;

  constructor(opts: { outboxDepth?: () => Promise<number>; defaultMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'motcua_' });
    this.inboundEvents = new Counter({
      name: 'motcua_inbound_events_total',
      help: 'Inbound citizen messages accepted, per channel and kind (duplicate="true" for redeliveries)',
      labelNames: ['channel', 'kind', 'duplicate'],
      registers,
    });
    this.repliesSent = new Counter({ name: 'motcua_replies_sent_total', help: 'Reply bubbles delivered to the platform', labelNames: ['channel'], registers });
    this.repliesFailed = new Counter({
      name: 'motcua_replies_failed_total',
      help: 'Reply bubbles not sent because of a non-retryable error (window, unreachable, permanent, config)',
      labelNames: ['channel', 'reason'],
      registers,
    });
    this.repliesDead = new Counter({
      name: 'motcua_replies_dead_lettered_total',
      help: 'Reply bubbles dead-lettered after the last retry',
      labelNames: ['channel'],
      registers,
    });
    this.webhookRejected = new Counter({
      name: 'motcua_webhook_rejected_total',
      help: 'Webhook requests refused (missing/bad signature, stale body)',
      labelNames: ['channel', 'reason'],
      registers,
    });
    this.inboundToSent = new Histogram({
      name: 'motcua_inbound_to_sent_seconds',
      help: 'Time from receiving a citizen message to delivering a reply bubble',
      labelNames: ['channel'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 1800],
      registers,
    });
    this.confidence = new Histogram({
      name: 'motcua_understanding_confidence',
      help: 'Confidence of the assistant in its understanding of each citizen message',
      labelNames: ['channel'],
      buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1],
      registers,
    });
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
    if (inboundToSentMs !== null && inboundToSentMs >= 0) this.inboundToSent.observe({ channel }, inboundToSentMs / 1000);
  }
  failed(channel: ChannelName, reason: string): void {
    this.repliesFailed.inc({ channel, reason });
  }
  deadLettered(channel: ChannelName): void {
    this.repliesDead.inc({ channel });
  }
  rejected(channel: ChannelName, reason: string): void {
    this.webhookRejected.inc({ channel, reason });
  }
  understood(channel: ChannelName, confidence: number): void {
    if (Number.isFinite(confidence)) this.confidence.observe({ channel }, Math.max(0, Math.min(1, confidence)));
  }

  /** Prometheus text exposition. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
  get contentType(): string {
    return this.registry.contentType;
  }
}
