import type Database from 'better-sqlite3';
import { subscriptionSchema } from '../entities/subscription';
import type { SubscriptionStore } from '../ports';
import { ms } from './codec';
import { columnsOf } from './columns';
import type { Row } from './codec';

const toSubscription = columnsOf(subscriptionSchema.shape).fromRow;

export function sqliteSubscriptions(db: Database.Database): SubscriptionStore {
  const insert = db.prepare(
    `INSERT INTO subscriptions (code, channel, user_id, created_at, commune) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (code, channel, user_id) DO NOTHING`,
  );
  const byCode = db.prepare(
    'SELECT * FROM subscriptions WHERE code = ? ORDER BY created_at, channel, user_id',
  );
  const byUser = db.prepare(
    'SELECT * FROM subscriptions WHERE channel = ? AND user_id = ? ORDER BY created_at, code',
  );
  const notified = db.prepare(
    'UPDATE subscriptions SET last_notified_status = ? WHERE code = ? AND channel = ? AND user_id = ?',
  );
  return {
    add: async (s, at) => {
      insert.run(s.code, s.channel, s.userId, ms(at), s.commune ?? null);
    },
    forCode: async (code) => (byCode.all(code) as Row[]).map(toSubscription),
    forUser: async (channel, userId) => (byUser.all(channel, userId) as Row[]).map(toSubscription),
    markNotified: async (code, channel, userId, status) => {
      notified.run(status, code, channel, userId);
    },
  };
}
