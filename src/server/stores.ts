// Opens the configured store engine (MongoDB when MONGODB_URI is set, else the SQLite file); failures are
// StoreStartupError with a one-line message, which main.ts prints as the reason start-up stopped.
import { seedDemoWhenEmpty } from '../dossiers/demo';
import { chooseStore, describeStore, openStores, type StoreConfig as StoreEnv } from '../store/open';
import type { Stores } from '../store/ports';
import type { StoreConfig } from './config';

const storeEnv = (c: StoreConfig): StoreEnv =>
  c.mongoUri ? { MONGODB_URI: c.mongoUri } : { SQLITE_PATH: c.sqlitePath };

export function openConfiguredStores(c: StoreConfig): Promise<Stores> {
  return openStores(storeEnv(c));
}

/** For the start-up log line; never includes credentials. */
export function storeLabel(c: StoreConfig): string {
  return describeStore(chooseStore(storeEnv(c)));
}

/**
 * `npm start` on a fresh clone should answer a status lookup at once, so the embedded store gets the demo
 * dossiers while it has none. A MongoDB deployment is a real one: it is never seeded.
 */
export async function seedDemoIfEmbedded(c: StoreConfig, stores: Stores, now: Date): Promise<number> {
  return c.engine === 'sqlite' ? seedDemoWhenEmpty(stores.dossiers, now) : 0;
}
