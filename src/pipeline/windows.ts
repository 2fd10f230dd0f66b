import type { ChannelName } from '../core/message';

/**
 * Consultation windows: how long after the citizen's last interaction the bot may still reply, as each
 * channel declares it (the composition root builds this from its channel list). Channels without a window
 * (web, cli, botkit) are absent.
 */
export type Windows = ReadonlyMap<ChannelName, number>;

export function windowsOf(channels: ReadonlyArray<{ name: ChannelName; windowMs: number | null }>): Windows {
  return new Map(channels.flatMap((c) => (c.windowMs === null ? [] : [[c.name, c.windowMs] as const])));
}

export function windowMsOf(windows: Windows, channel: ChannelName): number | null {
  return windows.get(channel) ?? null;
}

/** True when a reply to this citizen may be sent now. */
export function insideWindow(
  windows: Windows,
  channel: ChannelName,
  lastInboundAt: Date | null,
  now: Date,
): boolean {
  const w = windowMsOf(windows, channel);
  if (w === null) return true;
  if (!lastInboundAt) return false;
  return now.getTime() - lastInboundAt.getTime() <= w;
}
