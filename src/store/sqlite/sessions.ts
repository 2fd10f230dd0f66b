import type Database from 'better-sqlite3';
import { staffSessionSchema } from '../entities/session';
import type { SessionStore } from '../ports';
import { ms } from './codec';
import { columnsOf } from './columns';
import type { Row } from './codec';

const columns = columnsOf(staffSessionSchema.shape);

export function sqliteSessions(db: Database.Database): SessionStore {
  const insert = db.prepare(
    `INSERT INTO sessions (${columns.names.join(', ')}) VALUES (${columns.params.join(', ')})`,
  );
  const select = db.prepare('SELECT * FROM sessions WHERE id = ?');
  const touch = db.prepare('UPDATE sessions SET last_seen_at = MAX(last_seen_at, ?) WHERE id = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id = ?');
  const removeUser = db.prepare('DELETE FROM sessions WHERE username = ?');
  const removeIdle = db.prepare('DELETE FROM sessions WHERE last_seen_at < ?');
  return {
    create: async (s) => {
      insert.run(columns.toParams(s));
    },
    get: async (id) => {
      const r = select.get(id) as Row | undefined;
      return r ? columns.fromRow(r) : null;
    },
    touch: async (id, at) => {
      touch.run(ms(at), id);
    },
    delete: async (id) => {
      remove.run(id);
    },
    deleteForUser: async (username) => removeUser.run(username).changes,
    deleteIdle: async (before) => removeIdle.run(ms(before)).changes,
  };
}
