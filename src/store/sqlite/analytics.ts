import type Database from 'better-sqlite3';
import type { AnalyticsEvent, AnalyticsStore } from '../ports';
import { ms, toDate } from './codec';
import { COMMUNE_MATCH, communeParams } from './commune-filter';

type EventRow = Omit<AnalyticsEvent, 'at'> & { at: number };

export function sqliteAnalytics(db: Database.Database): AnalyticsStore {
  const insert = db.prepare(
    'INSERT INTO analytics (type, channel, intent, procedure, aspect, at, commune) VALUES (@type, @channel, @intent, @procedure, @aspect, @at, @commune)',
  );
  const range = db.prepare(
    `SELECT type, channel, intent, procedure, aspect, at, commune FROM analytics
     WHERE at >= @from AND at < @to AND ${COMMUNE_MATCH} ORDER BY at, id`,
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
    between: async (from, to, communes) =>
      (range.all({ from: ms(from), to: ms(to), ...communeParams(communes) }) as EventRow[]).map((r) => ({
        ...r,
        at: toDate(r.at),
      })),
  };
}
