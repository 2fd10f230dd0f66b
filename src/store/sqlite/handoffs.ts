import type Database from 'better-sqlite3';
import { handoffSchema } from '../entities/handoff';
import type { HandoffFilter, HandoffStore } from '../ports';
import { ms, msOrNull, returnedRow } from './codec';
import { columnsOf } from './columns';
import { COMMUNE_MATCH, communeParams } from './commune-filter';
import type { Row } from './codec';

export const toHandoff = columnsOf(handoffSchema.shape).fromRow;

export function sqliteHandoffs(db: Database.Database): HandoffStore {
  const active = db.prepare("SELECT * FROM handoffs WHERE channel = ? AND user_id = ? AND state <> 'closed'");
  const insert = db.prepare(`
    INSERT INTO handoffs (channel, user_id, display_name, reason, state, opened_at, commune)
    VALUES (@channel, @userId, @displayName, @reason, 'waiting', @at, @commune)
    RETURNING *`);
  const one = db.prepare('SELECT * FROM handoffs WHERE id = ?');
  // Channels come as a JSON array (bound, never spliced into the SQL); null means any channel.
  const where = `(@state IS NULL OR state = @state) AND (@from IS NULL OR opened_at >= @from) AND (@to IS NULL OR opened_at < @to)
    AND (@channels IS NULL OR channel IN (SELECT value FROM json_each(@channels))) AND ${COMMUNE_MATCH}`;
  const list = db.prepare(
    `SELECT * FROM handoffs WHERE ${where} ORDER BY opened_at, id LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare(`SELECT COUNT(*) AS n FROM handoffs WHERE ${where}`);
  const params = (f: HandoffFilter) => ({
    state: f.state ?? null,
    from: msOrNull(f.from ?? null),
    to: msOrNull(f.to ?? null),
    channels: f.channels ? JSON.stringify(f.channels) : null,
    ...communeParams(f.communes),
  });
  // One conditional UPDATE: of two staff members taking at once, exactly one changes the row.
  const take = db.prepare(`
    UPDATE handoffs SET state = 'taken', taken_by = @by, taken_at = @at, last_staff_at = @at
    WHERE id = @id AND state = 'waiting'
    RETURNING *`);
  const touch = db.prepare(
    "UPDATE handoffs SET last_staff_at = MAX(COALESCE(last_staff_at, 0), ?) WHERE id = ? AND state = 'taken'",
  );
  const close = db.prepare(`
    UPDATE handoffs SET state = 'closed', closed_at = @at, closed_by = @by
    WHERE id = @id AND state <> 'closed'
    RETURNING *`);

  // The partial unique index allows one open request per conversation; the transaction makes
  // "find the open one or insert" a single step.
  const open = db.transaction((r: Parameters<HandoffStore['open']>[0], at: number) => {
    const found = active.get(r.channel, r.userId) as Row | undefined;
    if (found) return { handoff: toHandoff(found), created: false };
    const row = returnedRow(insert, {
      channel: r.channel,
      userId: r.userId,
      displayName: r.displayName,
      reason: r.reason,
      at,
      commune: r.commune ?? null,
    });
    return { handoff: toHandoff(row!), created: true };
  });

  const rowOrNull = (r: unknown) => (r ? toHandoff(r as Row) : null);
  return {
    open: async (r, at) => open.immediate(r, ms(at)),
    active: async (channel, userId) => rowOrNull(active.get(channel, userId)),
    get: async (id) => rowOrNull(one.get(id)),
    list: async (filter, limit, offset = 0) =>
      (list.all({ ...params(filter), limit, offset }) as Row[]).map(toHandoff),
    count: async (filter) => (count.get(params(filter)) as { n: number }).n,
    take: async (id, by, at) => rowOrNull(returnedRow(take, { id, by, at: ms(at) })),
    touch: async (id, at) => {
      touch.run(ms(at), id);
    },
    close: async (id, by, at) => rowOrNull(returnedRow(close, { id, by, at: ms(at) })),
  };
}
