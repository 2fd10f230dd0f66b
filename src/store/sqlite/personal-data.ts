// Retention purges and a citizen's export and erasure, across the tables that hold personal data.
import type Database from 'better-sqlite3';
import type { ChannelName } from '../../core/message';
import { citizenData, type CitizenPorts } from '../citizen-data';
import type { PersonalDataStore, RetentionKind } from '../ports';
import { ms, toDate } from './codec';
import type { Row } from './codec';
import { toHandoff } from './handoffs';

const PURGES: Record<RetentionKind, string[]> = {
  messages: [
    "DELETE FROM inbound WHERE state = 'done' AND received_at < @before",
    "DELETE FROM outbox WHERE state IN ('sent', 'failed', 'dead') AND created_at < @before",
  ],
  conversations: [
    'DELETE FROM conversations WHERE updated_at < @before',
    'DELETE FROM contacts WHERE last_inbound_at < @before',
    "DELETE FROM handoffs WHERE state = 'closed' AND closed_at < @before",
  ],
  unanswered: [
    'DELETE FROM unanswered WHERE at < @before',
    'DELETE FROM unanswered_groups WHERE last_at < @before',
  ],
  complaints: ['DELETE FROM complaints WHERE at < @before'],
  audit: ['DELETE FROM audit WHERE at < @before'],
};

const ERASE = [
  'DELETE FROM inbound WHERE channel = @channel AND user_id = @userId',
  'DELETE FROM outbox WHERE channel = @channel AND user_id = @userId',
  'DELETE FROM conversations WHERE id = @conversation',
  'DELETE FROM contacts WHERE channel = @channel AND user_id = @userId',
  'DELETE FROM complaints WHERE channel = @channel AND user_id = @userId',
  'DELETE FROM subscriptions WHERE channel = @channel AND user_id = @userId',
  'DELETE FROM handoffs WHERE channel = @channel AND user_id = @userId',
];

export function sqlitePersonalData(db: Database.Database, p: CitizenPorts): PersonalDataStore {
  const purges = Object.fromEntries(
    Object.entries(PURGES).map(([k, sql]) => [k, sql.map((q) => db.prepare(q))]),
  ) as Record<RetentionKind, Database.Statement[]>;
  const erases = ERASE.map((q) => db.prepare(q));
  const contact = db.prepare(
    'SELECT last_inbound_at, display_name, commune FROM contacts WHERE channel = ? AND user_id = ?',
  );
  const complaints = db.prepare(
    'SELECT id, text, at, commune FROM complaints WHERE channel = ? AND user_id = ? ORDER BY at, id',
  );
  const handoffs = db.prepare(
    'SELECT * FROM handoffs WHERE channel = ? AND user_id = ? ORDER BY opened_at, id',
  );

  const purge = db.transaction((kind: RetentionKind, before: number) =>
    purges[kind].reduce((n, st) => n + st.run({ before }).changes, 0),
  );
  const erase = db.transaction((channel: ChannelName, userId: string) =>
    erases.reduce(
      (n, st) => n + st.run({ channel, userId, conversation: `${channel}:${userId}` }).changes,
      0,
    ),
  );

  return {
    purge: async (kind, before) => purge.immediate(kind, ms(before)),
    export: async (channel, userId) => {
      const c = contact.get(channel, userId) as
        { last_inbound_at: number; display_name: string | null; commune: string | null } | undefined;
      return citizenData(p, channel, userId, {
        contact: c
          ? { lastInboundAt: toDate(c.last_inbound_at), displayName: c.display_name, commune: c.commune }
          : null,
        complaints: (
          complaints.all(channel, userId) as Array<{
            id: number;
            text: string;
            at: number;
            commune: string | null;
          }>
        ).map((r) => ({ id: String(r.id), text: r.text, at: toDate(r.at), commune: r.commune })),
        handoffs: (handoffs.all(channel, userId) as Row[]).map(toHandoff),
      });
    },
    erase: async (channel, userId) => erase.immediate(channel, userId),
  };
}
