// Retention purges and a citizen's export and erasure across the collections that hold personal data.
// Built after the other ports, whose models it looks up by name on the same connection.
import mongoose, { type Connection, type Model } from 'mongoose';
import type { ChannelName } from '../../core/message';
import { citizenData, type CitizenPorts } from '../citizen-data';
import type { PersonalDataStore, RetentionKind } from '../ports';
import { openKey, toHandoff, type HandoffDoc } from './handoffs';

const before$ = (before: Date) => mongoose.trusted({ $lt: before });

export function mongoPersonalData(conn: Connection, p: CitizenPorts): PersonalDataStore {
  const m = (name: string) => conn.model(name) as Model<unknown>;
  const plan = (before: Date): Record<RetentionKind, Array<[string, Record<string, unknown>]>> => ({
    messages: [
      ['Inbound', { state: 'done', receivedAt: before$(before) }],
      [
        'Outbox',
        { state: mongoose.trusted({ $in: ['sent', 'failed', 'dead'] }), createdAt: before$(before) },
      ],
    ],
    conversations: [
      ['Conversation', { updatedAt: before$(before) }],
      ['Contact', { lastInboundAt: before$(before) }],
      ['Handoff', { state: 'closed', closedAt: before$(before) }],
    ],
    unanswered: [
      ['Unanswered', { at: before$(before) }],
      ['UnansweredGroup', { lastAt: before$(before) }],
    ],
    complaints: [['Complaint', { at: before$(before) }]],
    audit: [['Audit', { at: before$(before) }]],
  });
  const sum = async (steps: Array<[string, Record<string, unknown>]>) => {
    let n = 0;
    for (const [model, filter] of steps) n += (await m(model).deleteMany(filter)).deletedCount;
    return n;
  };
  const citizen = (channel: ChannelName, userId: string) => ({ channel, userId });

  return {
    purge: async (kind, before) => sum(plan(before)[kind]),
    export: async (channel, userId) => {
      const contact = (await m('Contact').findOne(citizen(channel, userId)).lean()) as {
        lastInboundAt: Date;
        displayName?: string | null;
        commune?: string | null;
      } | null;
      const complaints = (await m('Complaint')
        .find(citizen(channel, userId))
        .sort({ at: 1, _id: 1 })
        .lean()) as unknown as Array<{
        _id: mongoose.Types.ObjectId;
        text: string;
        at: Date;
        commune?: string | null;
      }>;
      const handoffs = (await m('Handoff')
        .find(citizen(channel, userId))
        .sort({ openedAt: 1, _id: 1 })
        .lean()) as unknown as HandoffDoc[];
      return citizenData(p, channel, userId, {
        contact: contact
          ? {
              lastInboundAt: contact.lastInboundAt,
              displayName: contact.displayName ?? null,
              commune: contact.commune ?? null,
            }
          : null,
        complaints: complaints.map((c) => ({
          id: c._id.toHexString(),
          text: c.text,
          at: c.at,
          commune: c.commune ?? null,
        })),
        handoffs: handoffs.map(toHandoff),
      });
    },
    erase: async (channel, userId) => {
      const who = citizen(channel, userId);
      const handoffIds = (
        (await m('Handoff').find(who, { _id: 1 }).lean()) as Array<{ _id: mongoose.Types.ObjectId }>
      ).map((h) => `take:${h._id.toHexString()}`);
      await m('HandoffLock').deleteMany({
        _id: mongoose.trusted({ $in: [openKey(channel, userId), ...handoffIds] }),
      });
      return sum([
        ['Inbound', who],
        ['Outbox', who],
        ['Conversation', { _id: `${channel}:${userId}` }],
        ['Contact', who],
        ['Complaint', who],
        ['Subscription', who],
        ['Handoff', who],
      ]);
    },
  };
}
