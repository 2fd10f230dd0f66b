// Zalo OA webhook event → the core's channel-neutral message (or "ignore"). Reads defensively: ids
// stay strings, unknown keys are ignored, optional fields may be missing (see payloads/README.md).
import type { InboundKind, InboundMessage } from '../../src/pipeline/public';

export type ZaloEvent =
  | { type: 'message'; message: InboundMessage }
  /** A real interaction that opens the consultation window but needs no answer (follow, form answer). */
  | { type: 'interaction'; event: string; userId: string; at: Date }
  | {
      type: 'ignore';
      event: string;
      reason: 'echo' | 'receipt' | 'unfollow' | 'anonymous' | 'other_oa' | 'unknown' | 'malformed';
    };

const KIND_BY_EVENT: Record<string, InboundKind> = {
  user_send_text: 'text',
  user_send_image: 'image',
  user_send_gif: 'image',
  user_send_sticker: 'sticker',
  user_send_audio: 'audio',
  user_send_video: 'video',
  user_send_file: 'file',
  user_send_location: 'location',
  user_send_link: 'link',
  user_send_business_card: 'other',
};

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null;
}
function str(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}
function idOf(v: unknown): string | null {
  return str(obj(v)?.['id']);
}

/** The body's `timestamp` (epoch ms as a string; 12 or 13 digits are both seen) as a Date. */
export function zaloTime(body: Obj): Date {
  const t = Number(str(body['timestamp']) ?? NaN);
  return new Date(Number.isFinite(t) ? t : 0);
}

/** The body's `timestamp` field exactly as sent ("" when absent), for the signature. */
/** A JSON scalar as text, '' for anything else: the platform sends ids and timestamps as strings or numbers. */
export function scalarText(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

export function zaloTimestampField(body: unknown): string {
  return scalarText(obj(body)?.['timestamp']);
}

export interface ZaloNormaliseOptions {
  /** Our OA id, when known: events for another OA are ignored and receipts are oriented by it. */
  oaId?: string | undefined;
}

export function normaliseZalo(input: unknown, opts: ZaloNormaliseOptions = {}): ZaloEvent {
  const body = obj(input);
  const event = body ? str(body['event_name']) : null;
  if (!body || !event) return { type: 'ignore', event: event ?? '', reason: 'malformed' };
  const at = zaloTime(body);
  const senderId = idOf(body['sender']);
  const recipientId = idOf(body['recipient']);
  const oaId = opts.oaId;

  if (event.startsWith('oa_send_')) return { type: 'ignore', event, reason: 'echo' };
  if (event === 'user_received_message' || event === 'user_seen_message')
    return { type: 'ignore', event, reason: 'receipt' };
  if (event.startsWith('anonymous_')) return { type: 'ignore', event, reason: 'anonymous' };
  if (event === 'unfollow') return { type: 'ignore', event, reason: 'unfollow' };

  if (event === 'follow') {
    const follower = idOf(body['follower']);
    if (oaId && str(body['oa_id']) && str(body['oa_id']) !== oaId)
      return { type: 'ignore', event, reason: 'other_oa' };
    if (!follower) return { type: 'ignore', event, reason: 'malformed' };
    return { type: 'interaction', event, userId: follower, at };
  }

  if (!event.startsWith('user_')) return { type: 'ignore', event, reason: 'unknown' };

  // user → OA: the citizen is the sender and the OA the recipient; with a known OA id, whichever side is not ours.
  let userId = senderId;
  let account = recipientId;
  if (oaId) {
    if (recipientId && recipientId !== oaId && senderId !== oaId)
      return { type: 'ignore', event, reason: 'other_oa' };
    if (senderId === oaId) userId = recipientId;
    account = oaId;
  }
  if (!userId) return { type: 'ignore', event, reason: 'malformed' };

  if (event === 'user_submit_info') return { type: 'interaction', event, userId, at };

  const kind = KIND_BY_EVENT[event] ?? (event.startsWith('user_send_') ? 'other' : null);
  if (!kind) return { type: 'ignore', event, reason: 'unknown' };

  const message = obj(body['message']) ?? {};
  const text = (str(message['text']) ?? '').normalize('NFC');
  const msgId = str(message['msg_id']) ?? `${event}:${userId}:${str(body['timestamp']) ?? ''}`;
  // A text event without any text cannot be answered as text.
  const effectiveKind: InboundKind = kind === 'text' && text.trim() === '' ? 'other' : kind;
  return {
    type: 'message',
    message: {
      channel: 'zalo',
      userId,
      messageId: msgId,
      kind: effectiveKind,
      text,
      sentAt: at,
      // The OA written to: the pipeline routes the message to the commune that has it.
      ...(account ? { account } : {}),
    },
  };
}
