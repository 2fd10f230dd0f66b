// Opening a MongoDB connection fails fast and in one line: an unreachable server (short server-selection
// timeout) or one older than MongoDB 6 is reported at start-up, not as a hang or a late query error.
import mongoose, { type Connection } from 'mongoose';
import { firstLine } from '../../core/first-line';
import { StoreStartupError } from '../startup-error';

const MIN_MAJOR = 6;
const MIN_WIRE_VERSION = 17; // MongoDB 6.0
const DEFAULT_DB = 'motcua';
const SELECTION_TIMEOUT_MS = 3_000;

/** Hosts only: credentials, database and options never reach a log line. */
export function describeMongoUri(uri: string): string {
  const [authority = ''] = uri.replace(/^[a-z+]+:\/\//i, '').split(/[/?]/);
  return authority.slice(authority.lastIndexOf('@') + 1) || '(no host)';
}

function databaseIn(uri: string): string {
  const afterHosts = uri.replace(/^[a-z+]+:\/\/[^/?]*/i, '');
  const [name = ''] = afterHosts.replace(/^\//, '').split('?');
  return decodeURIComponent(name);
}

export async function connectMongo(uri: string): Promise<Connection> {
  const where = describeMongoUri(uri);
  let conn: Connection | undefined;
  try {
    conn = mongoose.createConnection(uri, {
      dbName: databaseIn(uri) || DEFAULT_DB,
      // The URI may choose its own timeout; otherwise give up quickly so start-up says why.
      ...(/serverSelectionTimeoutMS=/i.test(uri) ? {} : { serverSelectionTimeoutMS: SELECTION_TIMEOUT_MS }),
      sanitizeFilter: true, // an object smuggled into a filter value becomes {$eq: …}, never an operator
      bufferCommands: false, // fail fast while disconnected instead of queueing
      autoIndex: false, // indexes are created explicitly and awaited at start-up
      autoCreate: false,
    });
    await conn.asPromise();
  } catch (err) {
    await conn?.close().catch(() => undefined);
    throw new StoreStartupError(`MongoDB unreachable at ${where}: ${firstLine(err)}`);
  }
  await requireSupportedServer(conn, where);
  return conn;
}

async function requireSupportedServer(conn: Connection, where: string): Promise<void> {
  let version: string;
  let wire: number;
  try {
    const admin = conn.getClient().db('admin');
    const info = await admin.command({ buildInfo: 1 });
    const hello = await admin.command({ hello: 1 });
    version = String(info.version);
    wire = Number(hello.maxWireVersion ?? 0);
  } catch (err) {
    await conn.close().catch(() => undefined);
    throw new StoreStartupError(`MongoDB at ${where} did not answer buildInfo/hello: ${firstLine(err)}`);
  }
  const problem = serverTooOld(version, wire);
  if (problem) {
    await conn.close().catch(() => undefined);
    throw new StoreStartupError(`MongoDB at ${where} ${problem}`);
  }
}

/** Why a server reporting this version and wire version cannot be used, or null when it can. */
export function serverTooOld(version: string, wire: number): string | null {
  const major = Number.parseInt(version, 10);
  if (major >= MIN_MAJOR && wire >= MIN_WIRE_VERSION) return null;
  return `is version ${version} (wire ${wire}); motcua needs MongoDB ${MIN_MAJOR}.0 or newer`;
}
