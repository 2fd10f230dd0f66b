// A citizen's rights over their data: a copy of everything kept about them, or its erasure, done by staff
// on the citizen's request (console or CLI). Either is audited without the data itself.
import type { ChannelName } from '../core/message';
import type { AuditStore, CitizenData, PersonalDataStore } from '../store/ports';

/** The channels a citizen's data can sit under: the build's messaging channels and the web chat. */
export function citizenChannels(messaging: readonly ChannelName[]): ChannelName[] {
  return [...messaging, 'web'];
}

export interface CitizenDeps {
  personalData: PersonalDataStore;
  audit: AuditStore;
}

const target = (channel: ChannelName, userId: string) => `${channel}:${userId}`;

export async function exportCitizen(
  d: CitizenDeps,
  channel: ChannelName,
  userId: string,
  actor: string,
  now: Date,
): Promise<CitizenData> {
  const data = await d.personalData.export(channel, userId);
  await d.audit.append({
    at: now,
    actor,
    action: 'citizen.export',
    target: target(channel, userId),
    before: null,
    after: { messages: data.inbound.length + data.outbox.length },
  });
  return data;
}

export async function eraseCitizen(
  d: CitizenDeps,
  channel: ChannelName,
  userId: string,
  actor: string,
  now: Date,
): Promise<number> {
  const removed = await d.personalData.erase(channel, userId);
  await d.audit.append({
    at: now,
    actor,
    action: 'citizen.erase',
    target: target(channel, userId),
    before: null,
    after: { removed },
  });
  return removed;
}
