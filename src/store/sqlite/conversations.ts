import type Database from 'better-sqlite3';
import type { ConversationStore } from '../ports';

export function sqliteConversations(db: Database.Database): ConversationStore {
  const select = db.prepare('SELECT state FROM conversations WHERE id = ?');
  const upsert = db.prepare(
    `INSERT INTO conversations (id, state, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  );
  return {
    load: async (id) => {
      const row = select.get(id) as { state: string } | undefined;
      return row ? (JSON.parse(row.state) as unknown) : null;
    },
    save: async (id, state) => {
      upsert.run(id, JSON.stringify(state), Date.now());
    },
  };
}
