// Botkit/BotBuilder messages ⇄ the core's channel-neutral messages. No runtime Botkit import here.
import { randomUUID } from 'node:crypto';
import type { InboundMessage, Reply } from '../core/message';

/** The parts of a BotBuilder Activity / BotkitMessage the bridge reads. */
export interface IncomingActivityLike {
  id?: string;
  text?: string;
  timestamp?: Date | string;
  from?: { id?: string; name?: string };
  user?: string;
  attachments?: unknown[];
}

export function toInbound(a: IncomingActivityLike): InboundMessage {
  const text = (a.text ?? '').normalize('NFC');
  const userId = a.from?.id ?? a.user ?? 'anonymous';
  const sentAt = a.timestamp ? new Date(a.timestamp) : new Date();
  const msg: InboundMessage = {
    channel: 'botkit',
    userId,
    messageId: a.id ?? randomUUID(),
    kind: text.trim() ? 'text' : 'other',
    text,
    sentAt: Number.isNaN(sentAt.getTime()) ? new Date() : sentAt,
  };
  if (a.from?.name) msg.displayName = a.from.name;
  return msg;
}

/**
 * One reply bubble as a Botkit message: `quick_replies` (understood by Botkit's Facebook and Web
 * adapters) and BotBuilder `suggestedActions` (understood by the Bot Framework channels).
 */
export function toBotkitMessage(r: Reply): {
  type: 'message';
  text: string;
  quick_replies?: Array<{ title: string; payload: string }>;
  suggestedActions?: { to: string[]; actions: Array<{ type: 'imBack'; title: string; value: string }> };
  channelData?: Record<string, unknown>;
} {
  if (r.options.length === 0) return { type: 'message', text: r.text };
  const quick = r.options.map((o) => ({ title: o, payload: o }));
  return {
    type: 'message',
    text: r.text,
    quick_replies: quick,
    suggestedActions: {
      to: [],
      actions: r.options.map((o) => ({ type: 'imBack' as const, title: o, value: o })),
    },
    channelData: { quick_replies: quick.map((q) => ({ content_type: 'text', ...q })) },
  };
}
