import type { ChannelName } from '../core/message';

const HOUR = 3_600_000;

/**
 * Consultation windows: how long after the citizen's last interaction the bot may still reply.
 * Zalo: 7 days (-230/-232 after that); Messenger: 24 hours with messaging_type RESPONSE.
 * Channels without a window (web, cli, botkit) return null.
 */
export const CONSULTATION_WINDOW_MS: Partial<Record<ChannelName, number>> = {
  zalo: 7 * 24 * HOUR,
  messenger: 24 * HOUR,
};

export function windowMsOf(channel: ChannelName): number | null {
  return CONSULTATION_WINDOW_MS[channel] ?? null;
}

/** True when a reply to this citizen may be sent now. */
export function insideWindow(channel: ChannelName, lastInboundAt: Date | null, now: Date): boolean {
  const w = windowMsOf(channel);
  if (w === null) return true;
  if (!lastInboundAt) return false;
  return now.getTime() - lastInboundAt.getTime() <= w;
}
