// Can staff reply to a hand-off now? Null when yes; otherwise the reason, in English.
import { insideWindow, windowMsOf, type Windows } from '../../pipeline/windows';
import type { ChannelName } from '../../core/message';
import type { Handoff } from '../../store/ports';

const HOUR = 3_600_000;

/** The channel cannot carry a staff reply at all (so nobody should take the conversation from the bot). */
export function channelBlocker(channel: ChannelName, channelsOn: readonly ChannelName[]): string | null {
  if (channelsOn.includes(channel)) return null;
  return channel === 'web'
    ? 'The web chat cannot receive a staff reply (it only shows answers to the message just sent); the bot keeps answering there, so call the citizen if needed and close the request'
    : `The ${channel} channel is off (its credentials are not configured), so a reply cannot be delivered`;
}

export function replyBlocker(
  h: Handoff,
  username: string,
  channelsOn: readonly ChannelName[],
  windows: Windows,
  lastInboundAt: Date | null,
  now: Date,
): string | null {
  if (h.state === 'closed') return 'This conversation was handed back to the bot; it is closed';
  const channel = channelBlocker(h.channel, channelsOn);
  if (channel) return channel;
  if (h.state !== 'taken') return 'Take the conversation before replying';
  if (h.takenBy !== username) return `${h.takenBy ?? 'Another staff member'} holds this conversation`;
  if (!insideWindow(windows, h.channel, lastInboundAt, now)) {
    const hours = Math.round((windowMsOf(windows, h.channel) ?? 0) / HOUR);
    const last = lastInboundAt
      ? `last wrote ${lastInboundAt.toISOString()}`
      : 'has never written on this channel';
    return `Outside the ${h.channel} consultation window: the citizen ${last}, and ${h.channel} allows replies only within ${hours} hours of the citizen's last message. The reply was not sent; it can go out once the citizen writes again`;
  }
  return null;
}
