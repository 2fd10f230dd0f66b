// A citizen's export, shared by both engines: what the common ports already read, plus the records
// only the engine reads (contact, complaints, hand-offs by citizen).
import type { ChannelName } from '../core/message';
import type { CitizenData, ConversationStore, InboundStore, OutboxStore, SubscriptionStore } from './ports';

/** Every record of one citizen: nobody writes more messages than this before an export is asked for. */
const ALL = 1_000_000;

export interface CitizenPorts {
  inbound: InboundStore;
  outbox: OutboxStore;
  conversations: ConversationStore;
  subscriptions: SubscriptionStore;
}

export async function citizenData(
  p: CitizenPorts,
  channel: ChannelName,
  userId: string,
  own: Pick<CitizenData, 'contact' | 'complaints' | 'handoffs'>,
): Promise<CitizenData> {
  return {
    channel,
    userId,
    inbound: await p.inbound.recent(channel, userId, ALL),
    outbox: await p.outbox.recent(channel, userId, ALL),
    conversationState: await p.conversations.load(`${channel}:${userId}`),
    ...own,
    subscriptions: await p.subscriptions.forUser(channel, userId),
  };
}
