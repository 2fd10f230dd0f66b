// Engine choice: MongoDB when MONGODB_URI is set (several instances, one database), otherwise the
// embedded SQLite file, so a fresh install needs nothing but Node.
import { openMongoStores } from './mongo';
import { describeMongoUri } from './mongo/connect';
import type { Stores } from './ports';
import { openSqliteStores } from './sqlite';
import { DEFAULT_SQLITE_PATH } from '../config/sqlite-path';

export interface StoreConfig {
  MONGODB_URI?: string;
  SQLITE_PATH?: string;
}

export type StoreChoice = { engine: 'mongodb'; uri: string } | { engine: 'sqlite'; path: string };

export function chooseStore(config: StoreConfig): StoreChoice {
  const uri = config.MONGODB_URI?.trim();
  if (uri) return { engine: 'mongodb', uri };
  return { engine: 'sqlite', path: config.SQLITE_PATH?.trim() || DEFAULT_SQLITE_PATH };
}

/** For the start-up log line; never includes credentials. */
export function describeStore(choice: StoreChoice): string {
  return choice.engine === 'mongodb'
    ? `mongodb at ${describeMongoUri(choice.uri)}`
    : `sqlite at ${choice.path}`;
}

/** Open the configured engine; failures are StoreStartupError with a one-line message. */
export async function openStores(config: StoreConfig = process.env): Promise<Stores> {
  const choice = chooseStore(config);
  return choice.engine === 'mongodb' ? openMongoStores(choice.uri) : openSqliteStores(choice.path);
}
