import type Database from 'better-sqlite3';
import type { CounterStore } from '../ports';
import { ms, toDate } from './codec';

export function sqliteCounters(db: Database.Database): CounterStore {
  // An expired counter starts again from one; the update runs in SQLite, so concurrent processes never
  // lose an increment.
  const bump = db.prepare(`
    INSERT INTO counters (key, count, last_at, expires_at) VALUES (@key, 1, @now, @expiresAt)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN counters.expires_at <= @now THEN 1 ELSE counters.count + 1 END,
      last_at = @now, expires_at = @expiresAt`);
  const read = db.prepare('SELECT count, last_at FROM counters WHERE key = ? AND expires_at > ?');
  const remove = db.prepare('DELETE FROM counters WHERE key = ?');
  const purge = db.prepare('DELETE FROM counters WHERE expires_at <= ?');
  // A write whose commit fails must throw rather than hand back a count that was never saved.
  const increment = db.transaction((key: string, now: number, expiresAt: number): number => {
    bump.run({ key, now, expiresAt });
    return (read.get(key, now) as { count: number }).count;
  });
  return {
    increment: async (key, now, expiresAt) => increment.immediate(key, ms(now), ms(expiresAt)),
    peek: async (key, now) => {
      const row = read.get(key, ms(now)) as { count: number; last_at: number } | undefined;
      return row ? { count: row.count, lastAt: toDate(row.last_at) } : null;
    },
    delete: async (key) => {
      remove.run(key);
    },
    purgeExpired: async (now) => purge.run(ms(now)).changes,
  };
}
