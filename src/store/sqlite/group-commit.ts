// Group commit: every store call made in the same turn of the event loop runs in one IMMEDIATE transaction,
// committed once. With `synchronous = FULL` each commit is an fsync that blocks the event loop (~5 ms on
// an ordinary disk), and one message costs about eight of them (insert, claim, contact, conversation,
// analytics, outbox, done, send); grouped, a burst of messages shares a few. Each caller's promise still
// settles only after its writes are committed, so "persist before ack" and every claim hold as before.
// Calls keep their own atomicity: a statement is atomic, and a port's own transaction nests as a savepoint.
import type Database from 'better-sqlite3';
import type { Stores } from '../ports';

type Engine = Omit<Stores, 'writes'>;

interface Call {
  run: () => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

/** Thrown inside the batch when SQLite rolled the whole transaction back (a full disk, an I/O error). */
class BatchLost extends Error {
  constructor(readonly at: number) {
    super('the group commit was rolled back');
  }
}

export function groupCommits(db: Database.Database, engine: Engine): Engine {
  let queue: Call[] = [];
  const runAll = db.transaction((calls: Call[], started: Array<Promise<unknown>>): void => {
    for (const [i, c] of calls.entries()) {
      let p: Promise<unknown>;
      try {
        p = c.run();
      } catch (err) {
        p = Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
      p.catch(() => undefined); // settled below, after the commit
      started.push(p);
      if (!db.inTransaction) throw new BatchLost(i);
    }
  });
  const flush = (): void => {
    const calls = queue;
    queue = [];
    const started: Array<Promise<unknown>> = [];
    try {
      runAll.immediate(calls, started);
    } catch (err) {
      // Nothing of the batch is stored: every caller fails, with the error that undid it.
      const cause =
        err instanceof BatchLost
          ? started[err.at]!.then(
              () => err,
              (e: unknown) => e,
            )
          : Promise.resolve(err);
      void cause.then((e) => {
        for (const c of calls) c.reject(e);
      });
      return;
    }
    calls.forEach((c, i) => void started[i]!.then(c.resolve, c.reject));
  };
  const call = (run: () => Promise<unknown>): Promise<unknown> =>
    new Promise((resolve, reject) => {
      queue.push({ run, resolve, reject });
      if (queue.length === 1) setImmediate(flush);
    });
  const group = <T extends object>(port: T): T => {
    const out: Record<string, unknown> = {};
    for (const [name, fn] of Object.entries(port)) {
      if (typeof fn !== 'function') continue;
      out[name] = (...args: unknown[]) =>
        call(() => (fn as (...a: unknown[]) => Promise<unknown>).apply(port, args));
    }
    return out as T;
  };
  const grouped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(engine)) {
    grouped[key] = typeof value === 'function' ? value : group(value as object);
  }
  grouped['probeWrite'] = (owner: string, at: Date) => call(() => engine.probeWrite(owner, at));
  return grouped as unknown as Engine;
}
