import type { ChannelName } from '../core/message';
import { CHANNELS } from '../server/channels';

/**
 * Consultation windows: how long after the citizen's last interaction the bot may still reply, as each
 * channel declares it. Channels without a window (web, cli, botkit) have null.
 */
export function windowMsOf(channel: ChannelName): number | null {
  return CHANNELS.find((c) => c.name === channel)?.windowMs ?? null;
}

/** True when a reply to this citizen may be sent now. */
export function insideWindow(channel: ChannelName, lastInboundAt: Date | null, now: Date): boolean {
  const w = windowMsOf(channel);
  if (w === null) return true;
  if (!lastInboundAt) return false;
  return now.getTime() - lastInboundAt.getTime() <= w;
}
