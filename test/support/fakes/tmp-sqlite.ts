// A real SQLite file in a fresh temp folder, for tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Stores } from '../../../src/store/ports';
import { openSqliteStores } from '../../../src/store/sqlite';

export interface TmpSqlite {
  dir: string;
  file: string;
  stores: Stores;
  /** Close and delete. */
  cleanup(): Promise<void>;
}

export function tmpSqlite(prefix = 'motcua-test-'): TmpSqlite {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, 'motcua.sqlite');
  const stores = openSqliteStores(file);
  return {
    dir,
    file,
    stores,
    async cleanup() {
      await stores.close().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Recorded body shapes (see test/fixtures/payloads/README.md); kept in the repo so a lone clone passes. */
export const PAYLOADS_DIR = path.resolve(__dirname, '../../fixtures/payloads');

export function payloadFiles(channel: 'zalo' | 'messenger'): Array<{ name: string; raw: Buffer }> {
  const dir = path.join(PAYLOADS_DIR, channel);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, raw: fs.readFileSync(path.join(dir, name)) }));
}
