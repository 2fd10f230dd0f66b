import type Database from 'better-sqlite3';
import type { TokenStore } from '../ports';
import { ms, toDate } from './codec';

export function sqliteTokens(db: Database.Database): TokenStore {
  const select = db.prepare('SELECT access_token, refresh_token, expires_at FROM tokens WHERE channel = ?');
  const upsert = db.prepare(
    `INSERT INTO tokens (channel, access_token, refresh_token, expires_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (channel) DO UPDATE SET access_token = excluded.access_token,
       refresh_token = excluded.refresh_token, expires_at = excluded.expires_at`,
  );
  return {
    get: async (channel) => {
      const row = select.get(channel) as
        { access_token: string; refresh_token: string; expires_at: number } | undefined;
      return row
        ? {
            accessToken: row.access_token,
            refreshToken: row.refresh_token,
            expiresAt: toDate(row.expires_at),
          }
        : null;
    },
    put: async (channel, pair) => {
      upsert.run(channel, pair.accessToken, pair.refreshToken, ms(pair.expiresAt));
    },
  };
}
