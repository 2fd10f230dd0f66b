// The MongoDB-wire server for tests: MONGODB_URI (CI starts FerretDB via scripts/ci/ferretdb.sh).
// Every caller gets its own fresh database, dropped afterwards.
import mongoose from 'mongoose';

export const MONGO_SKIP_LINE = 'MongoDB leg skipped: MONGODB_URI not set';

/** The server to test against; undefined when tests should skip (never in CI). */
export function mongoTestUri(): string | undefined {
  return process.env.MONGODB_URI || undefined;
}

/** True when the Mongo leg must run but cannot: CI without MONGODB_URI. */
export function mongoRequiredButMissing(): boolean {
  return !mongoTestUri() && process.env.CI === 'true';
}

let counter = 0;
/** A database name unique to this run and call (MongoDB allows at most 63 characters). */
export function freshDatabaseName(prefix = 'motcua_test'): string {
  counter += 1;
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter}`.slice(0, 63);
}

/** The same server and options, another database. */
export function withDatabase(uri: string, database: string): string {
  const m = /^([a-z+]+:\/\/[^/?]*)(\/[^?]*)?(\?.*)?$/i.exec(uri);
  if (!m) throw new Error(`MONGODB_URI is not a mongodb:// URI: ${uri}`);
  return `${m[1]}/${encodeURIComponent(database)}${m[3] ?? ''}`;
}

export async function dropDatabase(uri: string): Promise<void> {
  const conn = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5_000 }).asPromise();
  try {
    await conn.dropDatabase();
  } finally {
    await conn.close();
  }
}
