import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStores } from '../../src/store/sqlite';
import { LATEST_SCHEMA_VERSION } from '../../src/store/sqlite/migrations';
import { StoreStartupError } from '../../src/store/startup-error';
import { runStoreContract } from './contract';

runStoreContract('sqlite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-store-'));
  const file = path.join(dir, 'nested', 'motcua.sqlite'); // the factory creates missing folders
  return {
    open: async () => openSqliteStores(file),
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
});

describe('sqlite engine', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-sqlite-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('WAL, foreign keys and a recorded schema version; reopening migrates nothing twice', async () => {
    const file = path.join(dir, 'data', 'motcua.sqlite');
    await openSqliteStores(file).close();
    await openSqliteStores(file).close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      // Each migration recorded once (version numbers may have gaps between branches' migrations).
      const versions = (
        db.prepare('SELECT version FROM schema_version ORDER BY version').all() as Array<{ version: number }>
      ).map((r) => r.version);
      expect(versions[0]).toBe(1);
      expect(versions.at(-1)).toBe(LATEST_SCHEMA_VERSION);
      expect(new Set(versions).size).toBe(versions.length);
      expect(
        db.prepare("SELECT COUNT(*) AS n FROM pragma_foreign_key_list('dossier_history')").get(),
      ).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  test('a database from a newer motcua is refused in one line', () => {
    const file = path.join(dir, 'motcua.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT');
    db.prepare('INSERT INTO schema_version VALUES (?, 0)').run(LATEST_SCHEMA_VERSION + 1);
    db.close();
    expect(() => openSqliteStores(file)).toThrow(StoreStartupError);
    expect(() => openSqliteStores(file)).toThrow(
      /^SQLite database has schema v\d+, newer than this motcua supports \(v\d+\); upgrade motcua$/,
    );
  });

  test('a file that is not a database is refused in one line', () => {
    const file = path.join(dir, 'notes.txt');
    fs.writeFileSync(file, 'x'.repeat(4096));
    expect(() => openSqliteStores(file)).toThrow(
      new StoreStartupError(`SQLite at ${file}: file is not a database`),
    );
  });

  test(':memory: gives a throw-away database', async () => {
    const s = openSqliteStores(':memory:');
    expect(await s.dossiers.count()).toBe(0);
    await s.close();
  });
});
