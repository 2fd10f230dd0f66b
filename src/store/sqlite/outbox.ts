import type Database from 'better-sqlite3';
import { outboxItemSchema } from '../entities/outbox';
import type { NewOutboxItem, OutboxItem, OutboxState, OutboxStore } from '../ports';
import { ms, msOrNull, returnedRow } from './codec';
import { columnsOf } from './columns';
import { COMMUNE_MATCH, communeParams } from './commune-filter';
import type { Row } from './codec';

const toItem = columnsOf(outboxItemSchema.shape).fromRow;

const STATES: readonly OutboxState[] = ['pending', 'sending', 'sent', 'failed', 'dead'];

export function sqliteOutbox(db: Database.Database): OutboxStore {
  const nextSeq = db.prepare(
    'SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM outbox WHERE channel = ? AND user_id = ?',
  );
  const insert = db.prepare(`
    INSERT INTO outbox (channel, user_id, seq, reply, state, attempts, next_attempt_at, created_at, inbound_received_at, source, commune)
    VALUES (@channel, @userId, @seq, @reply, 'pending', 0, @now, @now, @inboundReceivedAt, @source, @commune)
    RETURNING *`);
  const bySource = db.prepare('SELECT * FROM outbox WHERE source = ?');
  // Due, and the head of its citizen's queue: no earlier item of that citizen is still unfinished. A stale
  // 'sending' item's last attempt may have gone out: it becomes uncertain since that attempt's claim.
  // Due and stale items are looked for apart, each walking the due index in order and stopping at the first
  // head: with a backlog, an OR of the two made SQLite test every candidate before sorting.
  const head = (where: string) => `
    SELECT * FROM (SELECT o.id, o.next_attempt_at FROM outbox o INDEXED BY outbox_due
      WHERE ${where}
        AND NOT EXISTS (
          SELECT 1 FROM outbox e
          WHERE e.channel = o.channel AND e.user_id = o.user_id AND e.seq < o.seq AND e.state IN ('pending', 'sending'))
      ORDER BY o.next_attempt_at, o.id LIMIT 1)`;
  const claim = db.prepare(`
    UPDATE outbox SET state = 'sending', owner = @owner, claimed_at = @now, attempts = attempts + 1,
      uncertain_since = CASE WHEN state = 'sending' THEN COALESCE(uncertain_since, claimed_at) ELSE uncertain_since END
    WHERE id = (
      SELECT id FROM (
        ${head("o.state = 'pending' AND o.next_attempt_at <= @now")}
        UNION ALL
        ${head("o.state = 'sending' AND o.claimed_at <= @staleBefore")})
      ORDER BY next_attempt_at, id LIMIT 1)
    RETURNING *`);
  const sent = db.prepare(
    "UPDATE outbox SET state = 'sent', owner = NULL, last_error = NULL, uncertain_since = NULL, message_id = ? WHERE id = ?",
  );
  // A definite failure answers the uncertainty (the earlier attempt was checked first); an ambiguous one
  // keeps the earliest uncertain attempt.
  const retry = db.prepare(
    "UPDATE outbox SET state = 'pending', owner = NULL, last_error = ?, next_attempt_at = ?, uncertain_since = CASE WHEN ? IS NULL THEN NULL ELSE COALESCE(uncertain_since, ?) END WHERE id = ?",
  );
  const one = db.prepare('SELECT * FROM outbox WHERE id = ?');
  const byState = db.prepare(`SELECT state, COUNT(*) AS n FROM outbox WHERE ${COMMUNE_MATCH} GROUP BY state`);
  const requeue = db.prepare(`
    UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = @now, owner = NULL
    WHERE id = @id AND state IN ('failed', 'dead') RETURNING *`);
  const owners = db.prepare(
    "SELECT DISTINCT owner FROM outbox WHERE state = 'sending' AND owner IS NOT NULL",
  );
  const release = db.prepare(`
    UPDATE outbox SET state = 'pending', owner = NULL, uncertain_since = COALESCE(uncertain_since, claimed_at),
      next_attempt_at = MIN(next_attempt_at, @now)
    WHERE state = 'sending' AND owner IN (SELECT value FROM json_each(@owners))`);
  const final = db.prepare('UPDATE outbox SET state = ?, owner = NULL, last_error = ? WHERE id = ?');
  const depth = db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE state IN ('pending', 'sending')");
  const list = db.prepare(`
    SELECT * FROM outbox
    WHERE (@userId IS NULL OR user_id = @userId) AND (@state IS NULL OR state = @state) AND ${COMMUNE_MATCH}
    ORDER BY created_at, id LIMIT @limit`);
  const recent = db.prepare(
    'SELECT * FROM (SELECT * FROM outbox WHERE channel = ? AND user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?) ORDER BY created_at, id',
  );

  // All parts of one answer get consecutive places in the citizen's queue, or none do. The immediate
  // transaction holds the write lock, so looking a source up before inserting cannot race.
  const enqueue = db.transaction((items: NewOutboxItem[], now: number): OutboxItem[] =>
    items.map((it) => {
      const stored = it.source === undefined ? undefined : (bySource.get(it.source) as Row | undefined);
      if (stored) return toItem(stored);
      const { seq } = nextSeq.get(it.channel, it.userId) as { seq: number };
      const row = returnedRow(insert, {
        channel: it.channel,
        userId: it.userId,
        seq,
        reply: JSON.stringify({ text: it.reply.text, options: it.reply.options }),
        now,
        inboundReceivedAt: msOrNull(it.inboundReceivedAt),
        source: it.source ?? null,
        commune: it.commune ?? null,
      });
      return toItem(row!);
    }),
  );

  return {
    enqueue: async (items, now) => enqueue.immediate(items, ms(now)),
    claimNext: async (owner, now, staleMs) => {
      const row = returnedRow(claim, { owner, now: ms(now), staleBefore: ms(now) - staleMs });
      return row ? toItem(row) : null;
    },
    markSent: async (id, _now, messageId) => {
      sent.run(messageId, id);
    },
    retryLater: async (id, error, nextAttemptAt, uncertainSince) => {
      const since = msOrNull(uncertainSince);
      retry.run(error, ms(nextAttemptAt), since, since, id);
    },
    markFinal: async (id, state, error) => {
      final.run(state, error, id);
    },
    depth: async () => (depth.get() as { n: number }).n,
    get: async (id) => {
      const row = one.get(id) as Row | undefined;
      return row ? toItem(row) : null;
    },
    countByState: async (communes) => {
      const counts = Object.fromEntries(STATES.map((st) => [st, 0])) as Record<OutboxState, number>;
      for (const r of byState.all(communeParams(communes)) as Array<{ state: OutboxState; n: number }>)
        counts[r.state] = r.n;
      return counts;
    },
    requeue: async (id, now) => {
      const row = returnedRow(requeue, { id, now: ms(now) });
      return row ? toItem(row) : null;
    },
    claimOwners: async () => (owners.all() as Array<{ owner: string }>).map((r) => r.owner),
    release: async (list, now) => release.run({ owners: JSON.stringify(list), now: ms(now) }).changes,
    list: async (filter, limit) =>
      (
        list.all({
          userId: filter.userId ?? null,
          state: filter.state ?? null,
          ...communeParams(filter.communes),
          limit,
        }) as Row[]
      ).map(toItem),
    recent: async (channel, userId, limit) => (recent.all(channel, userId, limit) as Row[]).map(toItem),
  };
}
