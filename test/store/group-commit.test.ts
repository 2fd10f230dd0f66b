// SQLite group commit (src/store/sqlite/group-commit.ts): calls made in one turn of the event loop share a
// transaction, each caller's promise settles only once its writes are committed (another connection sees
// them), a failing call fails alone, and a batch SQLite rolled back fails every caller.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Stores } from '../../src/store/ports';
import { groupCommits } from '../../src/store/sqlite/group-commit';

type Engine = Omit<Stores, 'writes'>;

describe('groupCommits', () => {
  let dir: string;
  let db: Database.Database;
  let reader: Database.Database;
  let port: { put(n: number): Promise<number>; fail(): Promise<void>; undo(): Promise<void> };
  const rows = () =>
    (reader.prepare('SELECT n FROM t ORDER BY n').all() as Array<{ n: number }>).map((r) => r.n);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-group-'));
    const file = path.join(dir, 'g.sqlite');
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
    reader = new Database(file, { readonly: true });
    const insert = db.prepare('INSERT INTO t (n) VALUES (?)');
    const raw = {
      put: async (n: number) => Number(insert.run(n).lastInsertRowid),
      fail: async () => {
        insert.run(1); // a duplicate key: this statement alone is undone
      },
      undo: async () => {
        db.exec('ROLLBACK'); // what SQLite does itself on a full disk or an I/O error
      },
    };
    const grouped = groupCommits(db, { t: raw } as unknown as Engine) as unknown as { t: typeof raw };
    port = grouped.t;
  });
  afterEach(() => {
    reader.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('settles each call after its commit: another connection already sees the row', async () => {
    const seen = await Promise.all([1, 2, 3].map(async (n) => (await port.put(n), rows())));
    expect(seen).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      [1, 2, 3],
    ]);
  });

  it('fails only the failing call of a batch; the others are committed', async () => {
    await port.put(1);
    const results = await Promise.allSettled([port.put(2), port.fail(), port.put(3)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(rows()).toEqual([1, 2, 3]);
  });

  it('fails every call of a batch that SQLite rolled back, with the error that undid it', async () => {
    const results = await Promise.allSettled([port.put(4), port.undo(), port.put(5)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(rows()).toEqual([]);
    // The next batch works again.
    await port.put(6);
    expect(rows()).toEqual([6]);
  });
});
