import type Database from 'better-sqlite3';
import type { SessionStore } from '../ports';
import { ms, toDate } from './codec';

interface SessionRow {
  id: string;
  username: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
}

export function sqliteSessions(db: Database.Database): SessionStore {
  const insert = db.prepare(
    'INSERT INTO sessions (id, username, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
  );
  const select = db.prepare('SELECT * FROM sessions WHERE id = ?');
  const touch = db.prepare('UPDATE sessions SET last_seen_at = MAX(last_seen_at, ?) WHERE id = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id = ?');
  const removeUser = db.prepare('DELETE FROM sessions WHERE username = ?');
  const removeIdle = db.prepare('DELETE FROM sessions WHERE last_seen_at < ?');
  return {
    create: async (s) => {
      insert.run(s.id, s.username, s.csrfToken, ms(s.createdAt), ms(s.lastSeenAt));
    },
    get: async (id) => {
      const r = select.get(id) as SessionRow | undefined;
      return r
        ? {
            id: r.id,
            username: r.username,
            csrfToken: r.csrf_token,
            createdAt: toDate(r.created_at),
            lastSeenAt: toDate(r.last_seen_at),
          }
        : null;
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
