// The embedded default engine: one SQLite file (WAL, so readers never block the writer), nothing to install.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Stores } from '../ports';
import { firstLine } from '../../core/first-line';
import { StoreStartupError } from '../startup-error';
import { validated } from '../validated';
import { watchWrites } from '../watch-writes';
import { sqliteAnalytics } from './analytics';
import { sqliteAudit } from './audit';
import { sqliteComplaints } from './complaints';
import { sqliteContacts } from './contacts';
import { sqliteCounters } from './counters';
import { sqliteConversations } from './conversations';
import { sqliteDossiers } from './dossiers';
import { groupCommits } from './group-commit';
import { sqliteHandoffs } from './handoffs';
import { sqliteImportJobs } from './import-jobs';
import { sqliteInbound } from './inbound';
import { sqliteKnowledge } from './knowledge';
import { migrate } from './migrations';
import { sqliteOutbox } from './outbox';
import { sqlitePersonalData } from './personal-data';
import { sqliteSessions } from './sessions';
import { sqliteStaff } from './staff';
import { sqliteSubscriptions } from './subscriptions';
import { sqliteTokens } from './tokens';
import { sqliteUnanswered } from './unanswered';

export interface SqliteOptions {
  /** FULL (the default) survives power loss; NORMAL exists only so `npm run bench` can show the difference. */
  synchronous?: 'FULL' | 'NORMAL';
}

/** Open (creating the folder and file if needed) and migrate; ":memory:" gives a throw-away database. */
export function openSqliteStores(file: string, o: SqliteOptions = {}): Stores {
  let db: Database.Database | undefined;
  try {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file, { timeout: 5_000 }); // wait up to 5 s for another process's write lock
    db.pragma('journal_mode = WAL');
    // FULL: an acknowledged webhook survives power loss (NORMAL may lose the last commits); group commit
    // (group-commit.ts) keeps the cost to a few fsyncs per burst (see `npm run bench`).
    db.pragma(`synchronous = ${o.synchronous ?? 'FULL'}`);
    db.pragma('foreign_keys = ON');
    migrate(db, new Date());
  } catch (err) {
    db?.close();
    if (err instanceof StoreStartupError) throw err;
    throw new StoreStartupError(`SQLite at ${file}: ${firstLine(err)}`);
  }
  return sqliteStores(db);
}

function sqliteStores(db: Database.Database): Stores {
  const heartbeat = db.prepare(
    'INSERT INTO instances (owner, seen_at) VALUES (?, ?) ON CONFLICT (owner) DO UPDATE SET seen_at = excluded.seen_at',
  );
  const forget = db.prepare('DELETE FROM instances WHERE seen_at < ?');
  const probe = db.transaction((owner: string, at: number) => {
    heartbeat.run(owner, at);
    forget.run(at - 7 * 86_400_000);
  });
  const conversations = sqliteConversations(db);
  const inbound = sqliteInbound(db);
  const outbox = sqliteOutbox(db);
  const subscriptions = sqliteSubscriptions(db);
  return watchWrites(
    validated(
      groupCommits(db, {
        dossiers: sqliteDossiers(db),
        conversations,
        inbound,
        outbox,
        tokens: sqliteTokens(db),
        contacts: sqliteContacts(db),
        unanswered: sqliteUnanswered(db),
        analytics: sqliteAnalytics(db),
        subscriptions,
        complaints: sqliteComplaints(db),
        staff: sqliteStaff(db),
        sessions: sqliteSessions(db),
        audit: sqliteAudit(db),
        knowledge: sqliteKnowledge(db),
        handoffs: sqliteHandoffs(db),
        counters: sqliteCounters(db),
        personalData: sqlitePersonalData(db, { inbound, outbox, conversations, subscriptions }),
        imports: sqliteImportJobs(db),
        ping: async () => {
          db.prepare('SELECT 1').get();
        },
        probeWrite: async (owner, at) => probe.immediate(owner, at.getTime()),
        close: async () => {
          if (db.open) db.close();
        },
      }),
    ),
  );
}
