// What the store-write checks of issue 10 cost per call, with I/O taken out (an in-memory database) so
// that only the checks show: an inbound insert through the handed-out store (input validation + write
// health watching) against the bare engine port, and a claim's `UPDATE … RETURNING` run to completion
// (`.all()`, which surfaces a failed commit) against `.get()` (which swallowed it). Medians of 5 runs.
import Database from 'better-sqlite3';
import { sqliteInbound } from '../src/store/sqlite/inbound';
import { migrate } from '../src/store/sqlite/migrations';
import { openSqliteStores } from '../src/store/sqlite';
import { median } from './median';

const N = 20_000;
const RUNS = 5;

const message = (i: number) => ({
  channel: 'zalo' as const,
  messageId: `m${i}`,
  userId: `u${i % 500}`,
  kind: 'text' as const,
  text: 'Cho tôi hỏi thủ tục khai sinh',
  displayName: null,
  sentAt: new Date(),
  receivedAt: new Date(1_000_000 + i),
});

async function insertMicros(wrapped: boolean): Promise<number> {
  const stores = openSqliteStores(':memory:');
  const db = new Database(':memory:');
  migrate(db, new Date());
  const port = wrapped ? stores.inbound : sqliteInbound(db);
  const t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) await port.insertIfNew(message(i));
  const us = Number(process.hrtime.bigint() - t) / 1_000 / N;
  await stores.close();
  db.close();
  return us;
}

function claimMicros(how: 'get' | 'all'): number {
  const db = new Database(':memory:');
  migrate(db, new Date());
  const insert = db.prepare(
    "INSERT INTO outbox (channel, user_id, seq, reply, state, attempts, next_attempt_at, created_at) VALUES ('zalo', ?, 1, '{}', 'pending', 0, 0, 0)",
  );
  db.transaction(() => {
    for (let i = 0; i < N; i++) insert.run(`u${i}`);
  })();
  const claim = db.prepare(
    "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ? RETURNING *",
  );
  const t = process.hrtime.bigint();
  for (let i = 1; i <= N; i++) {
    if (how === 'get') claim.get(i);
    else claim.all(i);
  }
  const us = Number(process.hrtime.bigint() - t) / 1_000 / N;
  db.close();
  return us;
}

export async function runChecksBench(): Promise<string[]> {
  const raw: number[] = [];
  const checked: number[] = [];
  const get: number[] = [];
  const all: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    raw.push(await insertMicros(false));
    checked.push(await insertMicros(true));
    get.push(claimMicros('get'));
    all.push(claimMicros('all'));
  }
  const f = (x: number) => `${x.toFixed(1)} µs`;
  const d = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)} µs`;
  return [
    `store-write checks (in-memory SQLite, ${N.toLocaleString('en')} calls, median of ${RUNS}):`,
    `  inbound insert: bare port ${f(median(raw))}, checked store ${f(median(checked))} (${d(median(checked) - median(raw))} per webhook)`,
    `  an UPDATE … RETURNING by id: .get() ${f(median(get))}, .all() ${f(median(all))} (${d(median(all) - median(get))} per claim)`,
  ];
}

if (require.main === module) {
  runChecksBench().then(
    (lines) => lines.forEach((l) => console.log(l)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
