// Throw-away databases on a MongoDB-wire server, for the benchmark and the tests: each run gets its own
// fresh database on the server MONGODB_URI names, dropped afterwards.
import mongoose from 'mongoose';

let counter = 0;
/** A database name unique to this process and call (MongoDB allows at most 63 characters). */
export function freshDatabaseName(prefix = 'motcua_test'): string {
  counter += 1;
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter}`.slice(0, 63);
}

/** The same server and options, another database. */
export function withDatabase(uri: string, database: string): string {
  const m = /^([a-z+]+:\/\/[^/?]*)(\/[^?]*)?(\?.*)?$/i.exec(uri);
  if (!m) throw new Error('MONGODB_URI is not a mongodb:// URI');
  return `${m[1] ?? ''}/${encodeURIComponent(database)}${m[3] ?? ''}`;
}

export async function dropDatabase(uri: string): Promise<void> {
  const conn = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5_000 }).asPromise();
  try {
    await conn.dropDatabase();
  } finally {
    await conn.close();
  }
}
