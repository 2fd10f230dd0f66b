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
  // One statement, so the check and the take are atomic across every connection to the file.
  const take = db.prepare(
    `UPDATE tokens SET lease_holder = ?, lease_until = ?
     WHERE channel = ? AND (lease_until IS NULL OR lease_until <= ? OR lease_holder = ?)`,
  );
  const give = db.prepare(
    'UPDATE tokens SET lease_holder = NULL, lease_until = NULL WHERE channel = ? AND lease_holder = ?',
  );
  return {
    get: async (key) => {
      const row = select.get(key) as
        { access_token: string; refresh_token: string; expires_at: number } | undefined;
      return row
        ? {
            accessToken: row.access_token,
            refreshToken: row.refresh_token,
            expiresAt: toDate(row.expires_at),
          }
        : null;
    },
    put: async (key, pair) => {
      upsert.run(key, pair.accessToken, pair.refreshToken, ms(pair.expiresAt));
    },
    lease: async (key, holder, now, until) => take.run(holder, ms(until), key, ms(now), holder).changes === 1,
    release: async (key, holder) => {
      give.run(key, holder);
    },
  };
}
