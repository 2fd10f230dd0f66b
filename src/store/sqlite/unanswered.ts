import type Database from 'better-sqlite3';
import type { NewUnansweredQuestion, UnansweredStore } from '../ports';
import { ms, toDate } from './codec';
import { communeMatch, communeParams } from './commune-filter';

// A group is one question in one commune; its commune is '' for the default commune (a key column cannot
// be NULL), which reads back as null like every other record's.
const keyOf = (commune: string | null | undefined) => commune ?? '';
const WHERE_COMMUNE = communeMatch("commune = ''");

export function sqliteUnanswered(db: Database.Database): UnansweredStore {
  const insert = db.prepare(
    `INSERT INTO unanswered (text, normalized, intent, procedure, aspect, confidence, channel, at, commune)
     VALUES (@text, @normalized, @intent, @procedure, @aspect, @confidence, @channel, @at, @commune)`,
  );
  // The group keeps the first wording as its example and counts the rest.
  const bump = db.prepare(
    `INSERT INTO unanswered_groups (commune, normalized, example, count, last_at) VALUES (@key, @normalized, @text, 1, @at)
     ON CONFLICT (commune, normalized) DO UPDATE SET count = count + 1, last_at = MAX(last_at, excluded.last_at)`,
  );
  const top = db.prepare(
    `SELECT commune, normalized, example, count, last_at FROM unanswered_groups WHERE ${WHERE_COMMUNE}
     ORDER BY count DESC, last_at DESC LIMIT @limit`,
  );
  const remove = db.prepare(
    `DELETE FROM unanswered_groups WHERE normalized = @normalized AND ${WHERE_COMMUNE}`,
  );
  const add = db.transaction((q: NewUnansweredQuestion) => {
    const row = { ...q, at: ms(q.at), commune: q.commune ?? null, key: keyOf(q.commune) };
    insert.run(row);
    bump.run(row);
  });
  return {
    add: async (q) => {
      add.immediate(q);
    },
    grouped: async (limit, communes) =>
      (
        top.all({ limit, ...communeParams(communes) }) as Array<{
          commune: string;
          normalized: string;
          example: string;
          count: number;
          last_at: number;
        }>
      ).map((r) => ({
        normalized: r.normalized,
        commune: r.commune || null,
        example: r.example,
        count: r.count,
        lastAt: toDate(r.last_at),
      })),
    resolve: async (normalized, communes) =>
      remove.run({ normalized, ...communeParams(communes) }).changes > 0,
  };
}
