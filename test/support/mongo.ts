// The MongoDB-wire server for tests: MONGODB_URI (CI starts FerretDB via scripts/ci/ferretdb.sh).
// Every caller gets its own fresh database, dropped afterwards.
export { dropDatabase, freshDatabaseName, withDatabase } from '../../src/store/mongo/scratch';

export const MONGO_SKIP_LINE = 'MongoDB leg skipped: MONGODB_URI not set';

/** The server to test against; undefined when tests should skip (never in CI). */
export function mongoTestUri(): string | undefined {
  return process.env.MONGODB_URI || undefined;
}

/** True when the Mongo leg must run but cannot: CI without MONGODB_URI. */
export function mongoRequiredButMissing(): boolean {
  return !mongoTestUri() && process.env.CI === 'true';
}
