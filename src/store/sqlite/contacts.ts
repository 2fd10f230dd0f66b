import type Database from 'better-sqlite3';
import type { ContactStore } from '../ports';
import { ms, toDate } from './codec';

export function sqliteContacts(db: Database.Database): ContactStore {
  // A late-arriving older message must not move the window back, nor erase a known display name, nor
  // change the commune the latest message went to.
  const upsert = db.prepare(
    `INSERT INTO contacts (channel, user_id, last_inbound_at, display_name, commune) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (channel, user_id) DO UPDATE SET
       commune = CASE WHEN excluded.last_inbound_at >= last_inbound_at THEN excluded.commune ELSE commune END,
       last_inbound_at = MAX(last_inbound_at, excluded.last_inbound_at),
       display_name = COALESCE(excluded.display_name, display_name)`,
  );
  const select = db.prepare('SELECT last_inbound_at FROM contacts WHERE channel = ? AND user_id = ?');
  return {
    touch: async (channel, userId, at, displayName, commune) => {
      upsert.run(channel, userId, ms(at), displayName, commune ?? null);
    },
    lastInboundAt: async (channel, userId) => {
      const row = select.get(channel, userId) as { last_inbound_at: number } | undefined;
      return row ? toDate(row.last_inbound_at) : null;
    },
  };
}
