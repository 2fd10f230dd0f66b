import { Schema, type Connection } from 'mongoose';
import { DOSSIER_STATUSES, type Subscription, type SubscriptionStore } from '../ports';
import { retryOnDuplicate } from './duplicate-key';
import { SCHEMA_OPTIONS } from './schema-options';

const schema = new Schema<Subscription>(
  {
    code: { type: String, required: true },
    channel: { type: String, required: true },
    userId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    lastNotifiedStatus: { type: String, enum: [...DOSSIER_STATUSES, null], default: null },
    commune: { type: String, default: null },
  },
  { ...SCHEMA_OPTIONS, collection: 'subscriptions' },
);
schema.index({ code: 1, channel: 1, userId: 1 }, { unique: true });
schema.index({ channel: 1, userId: 1 });

const toSubscription = (d: Subscription): Subscription => ({
  code: d.code,
  channel: d.channel,
  userId: d.userId,
  createdAt: d.createdAt,
  lastNotifiedStatus: d.lastNotifiedStatus ?? null,
  commune: d.commune ?? null,
});

export function mongoSubscriptions(conn: Connection): SubscriptionStore {
  const Subscriptions = conn.model('Subscription', schema);
  return {
    add: async (s, at) => {
      await retryOnDuplicate(() =>
        Subscriptions.updateOne(
          { code: s.code, channel: s.channel, userId: s.userId },
          { $setOnInsert: { createdAt: at, lastNotifiedStatus: null, commune: s.commune ?? null } },
          { upsert: true },
        ),
      );
    },
    forCode: async (code) =>
      (
        await Subscriptions.find({ code })
          .sort({ createdAt: 1, channel: 1, userId: 1 })
          .lean<Subscription[]>()
      ).map(toSubscription),
    forUser: async (channel, userId) =>
      (
        await Subscriptions.find({ channel, userId }).sort({ createdAt: 1, code: 1 }).lean<Subscription[]>()
      ).map(toSubscription),
    markNotified: async (code, channel, userId, status) => {
      await Subscriptions.updateOne({ code, channel, userId }, { $set: { lastNotifiedStatus: status } });
    },
  };
}
