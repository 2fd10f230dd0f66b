import type { ChannelName, InboundKind } from '../core/message';

/** What the pipeline reports; the server implements it with Prometheus metrics. */
export interface PipelineObserver {
  inbound(channel: ChannelName, kind: InboundKind, duplicate: boolean): void;
  sent(channel: ChannelName, inboundToSentMs: number | null): void;
  failed(channel: ChannelName, reason: string): void;
  deadLettered(channel: ChannelName): void;
}

export const NULL_OBSERVER: PipelineObserver = {
  inbound() {},
  sent() {},
  failed() {},
  deadLettered() {},
};
