// Opens the configured store engine (MongoDB when MONGODB_URI is set, else the SQLite file).
import { openStores } from '../store/open';
import type { Stores } from '../store/ports';
import type { StoreConfig } from './config';

export function openConfiguredStores(c: StoreConfig): Promise<Stores> {
  return openStores(c.mongoUri ? { MONGODB_URI: c.mongoUri } : { SQLITE_PATH: c.sqlitePath });
}

/** For the start-up log line; never includes credentials. */
export function storeLabel(c: StoreConfig): string {
  return c.engine === 'mongodb' ? 'mongodb' : `sqlite at ${c.sqlitePath}`;
}
