// Tell the citizens subscribed to a dossier about its new status, through the outbox, when their channel
// can deliver (its sender is configured) and its consultation window is open. Otherwise the subscription
// waits: it still remembers the last status it told.
import type { ChannelName } from '../../core/message';
import type { KnowledgeBase } from '../../kb/knowledge-base';
import { insideWindow } from '../../pipeline/windows';
import type { Dossier, Stores } from '../../store/ports';
import { statusNotice } from './status-notice';

export interface NotifyDeps {
  stores: Pick<Stores, 'subscriptions' | 'contacts' | 'outbox'>;
  channelsOn: readonly ChannelName[];
  kb: KnowledgeBase;
}

export async function notifySubscribers(d: NotifyDeps, dossier: Dossier, now: Date): Promise<{ notified: number; waiting: number }> {
  let notified = 0;
  let waiting = 0;
  const name = d.kb.procedures.get(dossier.procedureId)?.name ?? null;
  for (const s of await d.stores.subscriptions.forCode(dossier.code)) {
    if (s.lastNotifiedStatus === dossier.status) continue;
    const open = d.channelsOn.includes(s.channel) && insideWindow(s.channel, await d.stores.contacts.lastInboundAt(s.channel, s.userId), now);
    if (!open) {
      waiting++;
      continue;
    }
    const parts = statusNotice(dossier, name, d.kb.commune).map((reply) => ({ channel: s.channel, userId: s.userId, reply, inboundReceivedAt: null }));
    await d.stores.outbox.enqueue(parts, now);
    await d.stores.subscriptions.markNotified(s.code, s.channel, s.userId, dossier.status);
    notified++;
  }
  return { notified, waiting };
}
