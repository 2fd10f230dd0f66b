import type { ChannelName, InboundKind } from '../core/message';

/** What the pipeline reports; the server implements it with Prometheus metrics. */
export interface PipelineObserver {
  inbound(channel: ChannelName, kind: InboundKind, duplicate: boolean): void;
  sent(channel: ChannelName, inboundToSentMs: number | null): void;
  failed(channel: ChannelName, reason: string): void;
  deadLettered(channel: ChannelName): void;
  /**
   * An uncertain item (an earlier attempt may have gone out) was checked against the platform's conversation:
   * found there, not found, or the platform could not be asked (then it is sent again: a possible duplicate).
   */
  reconciled(channel: ChannelName, outcome: ReconcileOutcome): void;
}

export type ReconcileOutcome = 'delivered' | 'not_delivered' | 'unknown';

export const NULL_OBSERVER: PipelineObserver = {
  inbound() {},
  sent() {},
  failed() {},
  deadLettered() {},
  reconciled() {},
};
