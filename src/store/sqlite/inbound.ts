import type Database from 'better-sqlite3';
import { inboundRecordSchema, newInboundSchema } from '../entities/inbound';
import type { InboundStore } from '../ports';
import { returnedRow } from './codec';
import { columnsOf } from './columns';
import type { Row } from './codec';

const toRecord = columnsOf(inboundRecordSchema.shape).fromRow;
const given = columnsOf(newInboundSchema.shape);

export function sqliteInbound(db: Database.Database): InboundStore {
  // The unique (channel, message_id) index makes a redelivery a no-op instead of a second answer.
  const insert = db.prepare(`
    INSERT INTO inbound (${given.names.join(', ')}, state) VALUES (${given.params.join(', ')}, 'pending')
    ON CONFLICT (channel, message_id) DO NOTHING
    RETURNING *`);
  // One statement: select and mark happen atomically, so two processes never claim the same row. Only the
  // head of a citizen's queue is claimable: no earlier message of theirs is still pending or processing.
  // Pending and stale rows are looked for apart, each walking the claim index in order and stopping at the
  // first head: with a backlog, an OR of the two made SQLite test every candidate before sorting.
  const head = (where: string) => `
    SELECT * FROM (SELECT i.id, i.received_at FROM inbound i INDEXED BY inbound_claim
      WHERE ${where}
        AND NOT EXISTS (
          SELECT 1 FROM inbound e
          WHERE e.channel = i.channel AND e.user_id = i.user_id AND e.state IN ('pending', 'processing')
            AND (e.received_at < i.received_at OR (e.received_at = i.received_at AND e.id < i.id)))
      ORDER BY i.received_at, i.id LIMIT 1)`;
  const claim = db.prepare(`
    UPDATE inbound SET state = 'processing', owner = @owner, claimed_at = @now
    WHERE id = (
      SELECT id FROM (
        ${head("i.state = 'pending'")}
        UNION ALL
        ${head("i.state = 'processing' AND i.claimed_at <= @staleBefore")})
      ORDER BY received_at, id LIMIT 1)
    RETURNING *`);
  const done = db.prepare("UPDATE inbound SET state = 'done', owner = NULL WHERE id = ?");
  const owners = db.prepare(
    "SELECT DISTINCT owner FROM inbound WHERE state = 'processing' AND owner IS NOT NULL",
  );
  const release = db.prepare(
    "UPDATE inbound SET state = 'pending', owner = NULL WHERE state = 'processing' AND owner IN (SELECT value FROM json_each(?))",
  );
  const pending = db.prepare("SELECT COUNT(*) AS n FROM inbound WHERE state IN ('pending', 'processing')");
  const recent = db.prepare(
    'SELECT * FROM (SELECT * FROM inbound WHERE channel = ? AND user_id = ? ORDER BY received_at DESC, id DESC LIMIT ?) ORDER BY received_at, id',
  );

  return {
    // Committed with the other calls of this turn of the event loop (group-commit.ts), before it resolves.
    insertIfNew: async (r) => {
      const row = returnedRow(insert, given.toParams(r));
      return row ? toRecord(row) : null;
    },
    claimNext: async (owner, staleMs) => {
      const now = Date.now();
      const row = returnedRow(claim, { owner, now, staleBefore: now - staleMs });
      return row ? toRecord(row) : null;
    },
    markDone: async (id) => {
      done.run(id);
    },
    countPending: async () => (pending.get() as { n: number }).n,
    recent: async (channel, userId, limit) => (recent.all(channel, userId, limit) as Row[]).map(toRecord),
    claimOwners: async () => (owners.all() as Array<{ owner: string }>).map((r) => r.owner),
    release: async (list) => release.run(JSON.stringify(list)).changes,
  };
}
