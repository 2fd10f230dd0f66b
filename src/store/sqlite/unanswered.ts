import type Database from 'better-sqlite3';
import type { NewUnansweredQuestion, UnansweredStore } from '../ports';
import { ms, toDate } from './codec';

export function sqliteUnanswered(db: Database.Database): UnansweredStore {
  const insert = db.prepare(
    `INSERT INTO unanswered (text, normalized, intent, procedure, aspect, confidence, channel, at, commune)
     VALUES (@text, @normalized, @intent, @procedure, @aspect, @confidence, @channel, @at, @commune)`,
  );
  // The group keeps the first wording as its example and counts the rest.
  const bump = db.prepare(
    `INSERT INTO unanswered_groups (normalized, example, count, last_at) VALUES (@normalized, @text, 1, @at)
     ON CONFLICT (normalized) DO UPDATE SET count = count + 1, last_at = MAX(last_at, excluded.last_at)`,
  );
  const top = db.prepare(
    'SELECT normalized, example, count, last_at FROM unanswered_groups ORDER BY count DESC, last_at DESC LIMIT ?',
  );
  const remove = db.prepare('DELETE FROM unanswered_groups WHERE normalized = ?');
  const add = db.transaction((q: NewUnansweredQuestion) => {
    const row = { ...q, at: ms(q.at), commune: q.commune ?? null };
    insert.run(row);
    bump.run(row);
  });
  return {
    add: async (q) => {
      add.immediate(q);
    },
    grouped: async (limit) =>
      (top.all(limit) as Array<{ normalized: string; example: string; count: number; last_at: number }>).map(
        (r) => ({
          normalized: r.normalized,
          example: r.example,
          count: r.count,
          lastAt: toDate(r.last_at),
        }),
      ),
    resolve: async (normalized) => remove.run(normalized).changes > 0,
  };
}
