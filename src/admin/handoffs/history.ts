// A conversation as staff read it: the citizen's messages (inbound) and every reply queued for them
// (outbox) in the hand-off's commune, in time order; replies a staff member wrote are marked from the
// audit log. What the same account wrote to another commune stays out (that commune's staff read it).
import type { ChannelName } from '../../core/message';
import type { Handoff, OutboxState, Stores } from '../../store/ports';

export interface HistoryLine {
  at: Date;
  from: 'citizen' | 'bot' | 'staff';
  text: string;
  /** Delivery state of a reply (and why it failed, if it did). */
  state: OutboxState | null;
  error: string | null;
  by: string | null;
}

const HISTORY_LIMIT = 200;
export const REPLY_ACTION = 'handoff.reply';

export const conversationOf = (channel: ChannelName, userId: string) => `${channel}:${userId}`;

export async function conversationHistory(
  stores: Pick<Stores, 'inbound' | 'outbox' | 'audit'>,
  h: Pick<Handoff, 'channel' | 'userId' | 'commune'>,
  /** The commune of records that name none. */
  defaultCommune: string,
): Promise<HistoryLine[]> {
  const { channel, userId } = h;
  const commune = h.commune ?? defaultCommune;
  const here = (r: { commune: string | null }) => (r.commune ?? defaultCommune) === commune;
  const [allInbound, allOutbox, audit] = await Promise.all([
    stores.inbound.recent(channel, userId, HISTORY_LIMIT),
    stores.outbox.recent(channel, userId, HISTORY_LIMIT),
    stores.audit.list({ target: conversationOf(channel, userId) }, 1_000),
  ]);
  const inbound = allInbound.filter(here);
  const outbox = allOutbox.filter(here);
  const staffReplies = new Map<string, string>();
  for (const e of audit) {
    const item = (e.after as { outbox?: unknown } | null)?.outbox;
    if (e.action === REPLY_ACTION && typeof item === 'string') staffReplies.set(item, e.actor);
  }
  const lines: HistoryLine[] = [
    ...inbound.map((m) => ({
      at: m.receivedAt,
      from: 'citizen' as const,
      text: m.kind === 'text' ? m.text : `(${m.kind})`,
      state: null,
      error: null,
      by: null,
    })),
    ...outbox.map((o) => {
      const by = staffReplies.get(o.id) ?? null;
      return {
        at: o.createdAt,
        from: by ? ('staff' as const) : ('bot' as const),
        text: o.reply.text,
        state: o.state,
        error: o.lastError,
        by,
      };
    }),
  ];
  return lines.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.from === 'citizen' ? -1 : 1));
}
