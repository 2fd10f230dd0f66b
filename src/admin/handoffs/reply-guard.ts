// Can staff reply to a hand-off now? Null when yes; otherwise the reason, in Vietnamese for staff.
import { insideWindow, windowMsOf, type Windows } from '../../pipeline/windows';
import type { ChannelName } from '../../core/message';
import type { Handoff } from '../../store/ports';
import { vnDate } from '../../dialogue/format';

const HOUR = 3_600_000;

/** The channel cannot carry a staff reply at all (so nobody should take the conversation from the bot). */
export function channelBlocker(channel: ChannelName, channelsOn: readonly ChannelName[]): string | null {
  if (channelsOn.includes(channel)) return null;
  return channel === 'web'
    ? 'The web chat cannot receive a staff reply (it only shows answers to the message just sent); the bot keeps answering there, so call the citizen if needed and close the request'
    : `Kênh ${channel} đang tắt (chưa cấu hình khóa truy cập) nên không gửi được tin trả lời.`;
}

export function replyBlocker(
  h: Handoff,
  username: string,
  channelsOn: readonly ChannelName[],
  windows: Windows,
  lastInboundAt: Date | null,
  now: Date,
): string | null {
  if (h.state === 'closed') return 'Cuộc trò chuyện đã được trả cho trợ lý và đã kết thúc.';
  const channel = channelBlocker(h.channel, channelsOn);
  if (channel) return channel;
  if (h.state !== 'taken') return 'Xin nhận cuộc trò chuyện trước khi trả lời.';
  if (h.takenBy !== username) return `${h.takenBy ?? 'Cán bộ khác'} đang xử lý cuộc trò chuyện này.`;
  if (!insideWindow(windows, h.channel, lastInboundAt, now)) {
    const hours = Math.round((windowMsOf(windows, h.channel) ?? 0) / HOUR);
    const last = lastInboundAt
      ? `nhắn lần cuối ngày ${vnDate(lastInboundAt)}`
      : 'chưa từng nhắn trên kênh này';
    return `Ngoài thời hạn trả lời của ${h.channel}: người dân ${last}, mà ${h.channel} chỉ cho nhắn lại trong ${hours} giờ kể từ tin cuối của người dân. Tin chưa được gửi; có thể gửi khi người dân nhắn lại.`;
  }
  return null;
}
