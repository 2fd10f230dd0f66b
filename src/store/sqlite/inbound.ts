import type Database from 'better-sqlite3';
import { inboundRecordSchema, newInboundSchema } from '../entities/inbound';
import type { InboundRecord, InboundStore, NewInbound } from '../ports';
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
  type Pending = {
    r: NewInbound;
    resolve: (v: InboundRecord | null) => void;
    reject: (e: unknown) => void;
  };
  let batch: Pending[] = [];
  const insertAll = db.transaction((items: Pending[]) =>
    items.map(({ r }) => {
      const row = returnedRow(insert, given.toParams(r));
      return row ? toRecord(row) : null;
    }),
  );
  const flush = (): void => {
    const items = batch;
    batch = [];
    try {
      const results = insertAll(items);
      items.forEach((it, i) => it.resolve(results[i] ?? null));
    } catch (err) {
      for (const it of items) it.reject(err);
    }
  };
  const claim = db.prepare(`
    UPDATE inbound SET state = 'processing', owner = @owner, claimed_at = @now
    WHERE id = (
      SELECT i.id FROM inbound i
      WHERE (i.state = 'pending' OR (i.state = 'processing' AND i.claimed_at <= @staleBefore))
        AND NOT EXISTS (
          SELECT 1 FROM inbound e
          WHERE e.channel = i.channel AND e.user_id = i.user_id AND e.state IN ('pending', 'processing')
            AND (e.received_at < i.received_at OR (e.received_at = i.received_at AND e.id < i.id)))
      ORDER BY i.received_at, i.id LIMIT 1)
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
    // Group commit: inserts that arrive in the same turn of the event loop share one transaction, so
    // 50 webhook deliveries in flight cost a few WAL commits instead of 50. Each caller's promise still
    // resolves only after its row is committed (persist before ack).
    insertIfNew: (r) =>
      new Promise<InboundRecord | null>((resolve, reject) => {
        batch.push({ r, resolve, reject });
        if (batch.length === 1) setImmediate(flush);
      }),
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
