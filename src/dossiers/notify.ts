// Telling people that a dossier changed status (after a CLI import, and after staff set a status in the
// console). A subscribed citizen gets a short message through the outbox while their channel can reach
// them (credentials set, consultation window open); otherwise the subscription waits and is served right
// after the citizen's next message is answered (notifyWaiting, hooked into the InboundWorker). An
// applicant who left a phone number gets a template message when a channel offers one and it is configured.
import type { ChannelName } from '../core/message';
import type { PhoneNotifier } from '../pipeline/channel';
import { insideWindow, type Windows } from '../pipeline/windows';
import type { Dossier, DossierStatus, Stores, Subscription } from '../store/ports';
import { statusNotice, znsTemplateData } from './status-notice';

export interface NotifyDeps {
  stores: Pick<Stores, 'dossiers' | 'subscriptions' | 'contacts' | 'outbox'>;
  /** Channels this deployment can send on (their credentials are set). */
  channelsOn: readonly ChannelName[];
  /** Their consultation windows: a notice outside one waits for the citizen's next message. */
  windows: Windows;
  phone: PhoneNotifier | null;
}

export interface NotifyResult {
  /** Subscribers whose notice is in the outbox. */
  notified: number;
  /** Subscribers who cannot be reached now; told after their next message. */
  waiting: number;
  phone: { outcome: 'sent' | 'skipped' } | { outcome: 'failed'; error: string };
}

/**
 * The citizen has not been told the current status, and it changed after they subscribed (a status they
 * were shown when they asked is no news). A change back to the status last told is no news either.
 */
function hasNews(s: Subscription, d: Dossier): boolean {
  const changedAt = d.history.at(-1)?.at ?? d.updatedAt;
  return s.lastNotifiedStatus !== d.status && changedAt.getTime() > s.createdAt.getTime();
}

/** Queue the notice when the citizen can be reached now; false when the subscription has to wait. */
async function tell(d: NotifyDeps, s: Subscription, dossier: Dossier, now: Date): Promise<boolean> {
  if (!d.channelsOn.includes(s.channel)) return false;
  if (!insideWindow(d.windows, s.channel, await d.stores.contacts.lastInboundAt(s.channel, s.userId), now))
    return false;
  // The source names this change for this citizen: if we die before markNotified, the retry finds the
  // notice already queued instead of sending it twice.
  const change = `status:${dossier.code}:${dossier.history.length}:${s.channel}:${s.userId}`;
  const parts = statusNotice(dossier).map((reply, i) => ({
    channel: s.channel,
    userId: s.userId,
    reply,
    inboundReceivedAt: null,
    source: `${change}:${i}`,
    commune: s.commune,
  }));
  await d.stores.outbox.enqueue(parts, now);
  await d.stores.subscriptions.markNotified(s.code, s.channel, s.userId, dossier.status);
  return true;
}

/** After a status change: `from` is the status before (null for a dossier the store did not have). */
export async function notifyStatusChange(
  d: NotifyDeps,
  dossier: Dossier,
  from: DossierStatus | null,
  now: Date,
): Promise<NotifyResult> {
  let notified = 0;
  let waiting = 0;
  for (const s of await d.stores.subscriptions.forCode(dossier.code)) {
    if (!hasNews(s, dossier)) continue;
    if (await tell(d, s, dossier, now)) notified++;
    else waiting++;
  }
  return { notified, waiting, phone: await phoneNotice(d, dossier, from) };
}

// A paid message per change: only for a real change of a dossier we already had, never for the first
// import of an export (which would message every applicant at once).
async function phoneNotice(
  d: NotifyDeps,
  dossier: Dossier,
  from: DossierStatus | null,
): Promise<NotifyResult['phone']> {
  if (!d.phone || !dossier.phone || from === null || from === dossier.status) return { outcome: 'skipped' };
  try {
    await d.phone.send(dossier.phone, znsTemplateData(dossier), `${dossier.code}:${dossier.history.length}`);
    return { outcome: 'sent' };
  } catch (err) {
    return { outcome: 'failed', error: err instanceof Error ? err.message : String(err) };
  }
}

/** The citizen just wrote (their window is open again): queue the news that waited for it. */
export async function notifyWaiting(
  d: NotifyDeps,
  channel: ChannelName,
  userId: string,
  now: Date,
): Promise<number> {
  let notified = 0;
  for (const s of await d.stores.subscriptions.forUser(channel, userId)) {
    const dossier = await d.stores.dossiers.get(s.code);
    if (dossier && hasNews(s, dossier) && (await tell(d, s, dossier, now))) notified++;
  }
  return notified;
}
