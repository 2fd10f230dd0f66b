import type Database from 'better-sqlite3';
import type { AnalyticsEvent, AnalyticsStore } from '../ports';
import { ms, toDate } from './codec';

type EventRow = Omit<AnalyticsEvent, 'at'> & { at: number };

export function sqliteAnalytics(db: Database.Database): AnalyticsStore {
  const insert = db.prepare(
    'INSERT INTO analytics (type, channel, intent, procedure, aspect, at, commune) VALUES (@type, @channel, @intent, @procedure, @aspect, @at, @commune)',
  );
  const range = db.prepare(
    'SELECT type, channel, intent, procedure, aspect, at, commune FROM analytics WHERE at >= ? AND at < ? ORDER BY at, id',
  );
  return {
    record: async (e) => {
      insert.run({
        type: e.type,
        channel: e.channel,
        intent: e.intent,
        procedure: e.procedure,
        aspect: e.aspect,
        at: ms(e.at),
        commune: e.commune ?? null,
      });
    },
    between: async (from, to) =>
      (range.all(ms(from), ms(to)) as EventRow[]).map((r) => ({ ...r, at: toDate(r.at) })),
  };
}
