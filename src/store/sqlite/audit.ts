import type Database from 'better-sqlite3';
import type { AuditEntry, AuditStore } from '../ports';
import { ms, toDate, returnedRow } from './codec';

interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  target: string;
  before: string;
  after: string;
}

export function sqliteAudit(db: Database.Database): AuditStore {
  const insert = db.prepare(
    'INSERT INTO audit (at, actor, action, target, before, after) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
  );
  const list = db.prepare(`
    SELECT * FROM audit
    WHERE (@actor IS NULL OR actor = @actor) AND (@target IS NULL OR target = @target)
      AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to)
    ORDER BY at DESC, id DESC LIMIT @limit`);
  return {
    append: async (e) =>
      String(
        returnedRow(
          insert,
          ms(e.at),
          e.actor,
          e.action,
          e.target,
          JSON.stringify(e.before),
          JSON.stringify(e.after),
        )!.id,
      ),
    list: async (filter, limit) =>
      (
        list.all({
          actor: filter.actor ?? null,
          target: filter.target ?? null,
          from: filter.from ? ms(filter.from) : null,
          to: filter.to ? ms(filter.to) : null,
          limit,
        }) as AuditRow[]
      ).map((r): AuditEntry => ({
        id: String(r.id),
        at: toDate(r.at),
        actor: r.actor,
        action: r.action,
        target: r.target,
        before: JSON.parse(r.before) as unknown,
        after: JSON.parse(r.after) as unknown,
      })),
  };
}
