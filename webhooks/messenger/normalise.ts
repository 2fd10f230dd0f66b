// Messenger webhook body → channel-neutral messages. Loops over every entry and every `messaging`
// item; `standby` items (another app owns the thread) are not answered. Tolerates missing fields,
// nulls, numeric ids and the old sticker shape (see payloads/README.md).
import type { InboundKind, InboundMessage } from '../../src/pipeline/public';

export type MessengerEvent =
  | { type: 'message'; message: InboundMessage }
  | {
      type: 'ignore';
      reason:
        'echo' | 'delivery' | 'read' | 'standby' | 'referral' | 'empty_postback' | 'unknown' | 'malformed';
    };

type Obj = Record<string, unknown>;
function obj(v: unknown): Obj | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null;
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function str(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

const KIND_BY_ATTACHMENT: Record<string, InboundKind> = {
  image: 'image',
  sticker: 'sticker',
  audio: 'audio',
  video: 'video',
  file: 'file',
  location: 'location',
  fallback: 'link',
};

/** The newest `entry[].time` in the body (ms), or null. */
export function newestEntryTime(input: unknown): number | null {
  let newest: number | null = null;
  for (const e of arr(obj(input)?.['entry'])) {
    const t = obj(e)?.['time'];
    if (typeof t === 'number' && Number.isFinite(t)) newest = newest === null ? t : Math.max(newest, t);
  }
  return newest;
}

export function normaliseMessenger(input: unknown): MessengerEvent[] {
  const body = obj(input);
  if (!body) return [{ type: 'ignore', reason: 'malformed' }];
  const out: MessengerEvent[] = [];
  for (const entryRaw of arr(body['entry'])) {
    const entry = obj(entryRaw);
    if (!entry) continue;
    for (const item of arr(entry['messaging'])) out.push(normaliseItem(obj(item), entry));
    for (const _ of arr(entry['standby'])) out.push({ type: 'ignore', reason: 'standby' });
  }
  return out;
}

function normaliseItem(item: Obj | null, entry: Obj): MessengerEvent {
  if (!item) return { type: 'ignore', reason: 'malformed' };
  const psid = str(obj(item['sender'])?.['id']);
  // The Page written to (the recipient; the entry's id names it too): the pipeline routes by it.
  const page = str(obj(item['recipient'])?.['id']) ?? str(entry['id']);
  const account = page ? { account: page } : {};
  const ts =
    typeof item['timestamp'] === 'number' && item['timestamp'] > 0
      ? item['timestamp']
      : typeof entry['time'] === 'number'
        ? entry['time']
        : 0;
  const sentAt = new Date(ts);
  const message = obj(item['message']);
  if (message) {
    if (message['is_echo'] === true) return { type: 'ignore', reason: 'echo' };
    if (!psid) return { type: 'ignore', reason: 'malformed' };
    const mid = str(message['mid']) ?? `msg:${psid}:${ts}`;
    const quick = str(obj(message['quick_reply'])?.['payload']);
    const text = (quick ?? str(message['text']) ?? '').normalize('NFC');
    const attachments = arr(message['attachments'])
      .map(obj)
      .filter((a): a is Obj => a !== null);
    let kind: InboundKind = 'text';
    if (message['sticker_id'] !== undefined && message['sticker_id'] !== null) kind = 'sticker';
    else if (attachments.length > 0) kind = KIND_BY_ATTACHMENT[str(attachments[0]!['type']) ?? ''] ?? 'other';
    if (kind === 'text' && text.trim() === '') kind = 'other';
    return {
      type: 'message',
      message: { channel: 'messenger', userId: psid, messageId: mid, kind, text, sentAt, ...account },
    };
  }
  const postback = obj(item['postback']);
  if (postback) {
    if (!psid) return { type: 'ignore', reason: 'malformed' };
    const text = (str(postback['payload']) ?? str(postback['title']) ?? '').normalize('NFC');
    if (!text.trim()) return { type: 'ignore', reason: 'empty_postback' };
    const mid = str(postback['mid']) ?? `postback:${psid}:${ts}`;
    return {
      type: 'message',
      message: { channel: 'messenger', userId: psid, messageId: mid, kind: 'text', text, sentAt, ...account },
    };
  }
  if (item['delivery']) return { type: 'ignore', reason: 'delivery' };
  if (item['read']) return { type: 'ignore', reason: 'read' };
  if (item['referral']) return { type: 'ignore', reason: 'referral' };
  return { type: 'ignore', reason: 'unknown' };
}
