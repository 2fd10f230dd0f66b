// Opens the configured store engine.
import type { Stores } from '../store/ports';
import { openSqliteStores } from '../store/sqlite';
import type { StoreConfig } from './config';

export async function openConfiguredStores(c: StoreConfig): Promise<Stores> {
  if (c.engine === 'mongo') {
    throw new Error('STORE_ENGINE=mongo: the MongoDB engine is not wired into the server yet');
  }
  return openSqliteStores(c.sqlitePath);
}
