// Opens the store a process works on: the configured engine (MongoDB when MONGODB_URI is set, else the
// SQLite file; failures are StoreStartupError with a one-line message), or a scratch store for CLI
// conversations, which must not reach the staff's hand-offs, inbox and dashboard.
import { seedDemoWhenEmpty } from '../dossiers/demo';
import type { StoreConfig } from './config';
import { chooseStore, describeStore, openStores, type StoreConfig as StoreEnv } from '../store/open';
import type { Stores } from '../store/ports';
import { openSqliteStores } from '../store/sqlite';

/** `live`: the configured store; `scratch`: a throw-away in-memory one with the demo dossiers. */
export type StoreMode = 'live' | 'scratch';

const storeEnv = (c: StoreConfig): StoreEnv =>
  c.mongoUri ? { MONGODB_URI: c.mongoUri } : { SQLITE_PATH: c.sqlitePath };

/** For the start-up log line; never includes credentials. */
export function storeLabel(c: StoreConfig, mode: StoreMode = 'live'): string {
  return mode === 'scratch' ? 'scratch (in memory)' : describeStore(chooseStore(storeEnv(c)));
}

export function openStoresFor(c: StoreConfig, mode: StoreMode): Promise<Stores> {
  return mode === 'scratch' ? Promise.resolve(openSqliteStores(':memory:')) : openStores(storeEnv(c));
}

/**
 * A fresh clone should answer a status lookup at once, so an embedded store (the SQLite file, or a scratch
 * one) gets the demo dossiers while it has none. A MongoDB deployment is a real one: it is never seeded.
 */
export async function seedDemoIfEmbedded(
  c: StoreConfig,
  mode: StoreMode,
  stores: Stores,
  now: Date,
): Promise<number> {
  return mode === 'scratch' || c.engine === 'sqlite' ? seedDemoWhenEmpty(stores.dossiers, now) : 0;
}
