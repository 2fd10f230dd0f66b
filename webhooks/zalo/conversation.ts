// Reading back what the OA sent (reference §6a): `GET /v2.0/oa/conversation` lists the recent messages of
// the OA's conversation with one follower, newest first, both sides. Field names are community-sourced, so
// the reading is tolerant: a message is the OA's when `src` says so or it was not sent by the follower.
import type { ConversationMessage } from '../../src/pipeline/public';
import { scalarText } from './normalise';

export function parseZaloConversation(data: unknown, userId: string): ConversationMessage[] {
  if (!Array.isArray(data)) return [];
  return data.flatMap((m: unknown) => {
    if (typeof m !== 'object' || m === null) return [];
    const r = m as Record<string, unknown>;
    const text = typeof r['message'] === 'string' ? r['message'] : '';
    const time = Number(r['time']);
    const fromUs =
      r['src'] === 0 ||
      r['src'] === '0' ||
      (r['from_id'] !== undefined && scalarText(r['from_id']) !== userId);
    return [{ fromUs, text, at: Number.isFinite(time) && time > 0 ? time : null }];
  });
}
