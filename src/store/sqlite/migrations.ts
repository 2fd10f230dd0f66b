// Versioned schema: each migration runs once, in order, inside its own write transaction, and is recorded
// in schema_version. Never edit a released migration; append a new one.
import type Database from 'better-sqlite3';
import { DOSSIER_STATUSES, HANDOFF_REASONS, HANDOFF_STATES, IMPORT_JOB_STATES, STAFF_ROLES } from '../ports';
import { StoreStartupError } from '../startup-error';

interface Migration {
  version: number;
  sql: string;
}

// Only our own constants go into the DDL; values from callers are always bound parameters.
const inList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE dossiers (
        code TEXT PRIMARY KEY,
        procedure_id TEXT NOT NULL,
        applicant_name TEXT NOT NULL,
        phone TEXT,
        received_at INTEGER NOT NULL,
        due_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN (${inList(DOSSIER_STATUSES)})),
        reason TEXT,
        note TEXT,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE dossier_history (
        code TEXT NOT NULL REFERENCES dossiers (code) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN (${inList(DOSSIER_STATUSES)})),
        at INTEGER NOT NULL,
        note TEXT,
        PRIMARY KEY (code, seq)
      ) STRICT;

      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE inbound (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        channel TEXT NOT NULL,
        message_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        display_name TEXT,
        sent_at INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'processing', 'done')),
        owner TEXT,
        claimed_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX inbound_dedupe ON inbound (channel, message_id);
      CREATE INDEX inbound_claim ON inbound (state, received_at);

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        channel TEXT NOT NULL,
        user_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        reply TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'dead')),
        attempts INTEGER NOT NULL,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        inbound_received_at INTEGER,
        owner TEXT,
        claimed_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX outbox_queue ON outbox (channel, user_id, seq);
      CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
      CREATE INDEX outbox_user_state ON outbox (user_id, state);

      CREATE TABLE tokens (
        channel TEXT PRIMARY KEY,
        access_token TEXT NOT NULL,
        refresh_token TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE contacts (
        channel TEXT NOT NULL,
        user_id TEXT NOT NULL,
        last_inbound_at INTEGER NOT NULL,
        display_name TEXT,
        PRIMARY KEY (channel, user_id)
      ) STRICT;

      CREATE TABLE unanswered (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        text TEXT NOT NULL,
        normalized TEXT NOT NULL,
        intent TEXT NOT NULL,
        procedure TEXT,
        aspect TEXT,
        confidence REAL NOT NULL,
        channel TEXT NOT NULL,
        at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE unanswered_groups (
        normalized TEXT PRIMARY KEY,
        example TEXT NOT NULL,
        count INTEGER NOT NULL,
        last_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX unanswered_groups_rank ON unanswered_groups (count DESC, last_at DESC);

      CREATE TABLE analytics (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        type TEXT NOT NULL,
        channel TEXT NOT NULL,
        intent TEXT,
        procedure TEXT,
        aspect TEXT,
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX analytics_at ON analytics (at);

      CREATE TABLE subscriptions (
        code TEXT NOT NULL,
        channel TEXT NOT NULL,
        user_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_notified_status TEXT,
        PRIMARY KEY (code, channel, user_id)
      ) STRICT;

      CREATE TABLE complaints (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        channel TEXT NOT NULL,
        user_id TEXT NOT NULL,
        text TEXT NOT NULL,
        at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE staff (
        username TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN (${inList(STAFF_ROLES)})),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL,
        csrf_token TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sessions_username ON sessions (username);
      CREATE INDEX sessions_last_seen ON sessions (last_seen_at);

      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        before TEXT NOT NULL,
        after TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_at ON audit (at);

      CREATE TABLE knowledge_versions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL,
        version INTEGER NOT NULL,
        content TEXT NOT NULL,
        author TEXT NOT NULL,
        at INTEGER NOT NULL,
        comment TEXT,
        UNIQUE (key, version)
      ) STRICT;
    `,
  },
  {
    // Staff console: hand-off requests, and per-citizen message history.
    version: 2,
    sql: `
      CREATE TABLE handoffs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        channel TEXT NOT NULL,
        user_id TEXT NOT NULL,
        display_name TEXT,
        reason TEXT NOT NULL CHECK (reason IN (${inList(HANDOFF_REASONS)})),
        state TEXT NOT NULL CHECK (state IN (${inList(HANDOFF_STATES)})),
        opened_at INTEGER NOT NULL,
        taken_by TEXT,
        taken_at INTEGER,
        last_staff_at INTEGER,
        closed_at INTEGER,
        closed_by TEXT
      ) STRICT;
      CREATE UNIQUE INDEX handoffs_open ON handoffs (channel, user_id) WHERE state <> 'closed';
      CREATE INDEX handoffs_state ON handoffs (state, opened_at);
      CREATE INDEX handoffs_opened ON handoffs (opened_at);
      CREATE INDEX inbound_user ON inbound (channel, user_id, received_at);
      CREATE INDEX outbox_user ON outbox (channel, user_id, created_at);
    `,
  },
  {
    // Exactly-once replies across a crash: each part remembers what produced it (SQLite unique indexes
    // let any number of NULLs through, so items without a source are unaffected). Subscriptions are
    // also looked up per citizen, to tell them what waited for their consultation window.
    version: 3,
    sql: `
      ALTER TABLE outbox ADD COLUMN source TEXT;
      CREATE UNIQUE INDEX outbox_source ON outbox (source);
      CREATE INDEX subscriptions_user ON subscriptions (channel, user_id);
    `,
  },
  {
    // At most once per part: an attempt whose outcome is unknown is remembered, so that the sender checks
    // the platform's conversation before sending again; the platform's id is kept once sent. Claims are
    // found per owner (start-up recovery takes back a dead process's at once), and each instance's
    // heartbeat is the write /readyz makes.
    version: 4,
    sql: `
      ALTER TABLE outbox ADD COLUMN uncertain_since INTEGER;
      ALTER TABLE outbox ADD COLUMN message_id TEXT;
      CREATE INDEX outbox_owner ON outbox (state, owner);
      CREATE INDEX inbound_owner ON inbound (state, owner);
      CREATE TABLE instances (owner TEXT PRIMARY KEY, seen_at INTEGER NOT NULL) STRICT;
    `,
  },
  {
    // Rate-limit counters shared by every process on the file, and dossier import jobs.
    version: 5,
    sql: `
      CREATE TABLE counters (
        key TEXT PRIMARY KEY,
        count INTEGER NOT NULL,
        last_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX counters_expiry ON counters (expires_at);
      CREATE TABLE import_jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        file TEXT NOT NULL,
        actor TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN (${inList(IMPORT_JOB_STATES)})),
        counts TEXT NOT NULL,
        in_flight TEXT NOT NULL,
        error TEXT,
        started_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX import_jobs_state ON import_jobs (state, updated_at);
    `,
  },
  {
    // Retention purges and a citizen's export/erasure read by time and by citizen.
    version: 6,
    sql: `
      CREATE INDEX outbox_created ON outbox (created_at);
      CREATE INDEX inbound_received ON inbound (received_at);
      CREATE INDEX conversations_updated ON conversations (updated_at);
      CREATE INDEX contacts_last ON contacts (last_inbound_at);
      CREATE INDEX complaints_at ON complaints (at);
      CREATE INDEX complaints_user ON complaints (channel, user_id);
      CREATE INDEX unanswered_at ON unanswered (at);
      CREATE INDEX unanswered_groups_last ON unanswered_groups (last_at);
    `,
  },
  {
    // Branch c12t: the commune each record belongs to (NULL = the default commune, as every older row).
    version: 7,
    sql: `
      ALTER TABLE inbound ADD COLUMN commune TEXT;
      ALTER TABLE outbox ADD COLUMN commune TEXT;
      ALTER TABLE handoffs ADD COLUMN commune TEXT;
      ALTER TABLE unanswered ADD COLUMN commune TEXT;
      ALTER TABLE analytics ADD COLUMN commune TEXT;
      ALTER TABLE subscriptions ADD COLUMN commune TEXT;
      ALTER TABLE complaints ADD COLUMN commune TEXT;
      ALTER TABLE contacts ADD COLUMN commune TEXT;
    `,
  },
  {
    // c12r: the refresh lease on a token pair (single-flight refresh across instances).
    version: 8,
    sql: `
      ALTER TABLE tokens ADD COLUMN lease_holder TEXT;
      ALTER TABLE tokens ADD COLUMN lease_until INTEGER;
      `,
  },
  {
    // c12s: staff scoped to communes (a JSON list of commune ids); old accounts stay province-wide.
    version: 9,
    // The province dashboard counts overdue dossiers by status and appointment.
    // The inbox groups questions per commune.
    sql: `
      ALTER TABLE staff ADD COLUMN communes TEXT NOT NULL DEFAULT '[]';
      CREATE INDEX dossiers_status_due ON dossiers (status, due_at);

      -- The inbox is per commune: the same question asked in two communes is two groups ('' = default).
      CREATE TABLE unanswered_groups_by_commune (
        commune TEXT NOT NULL,
        normalized TEXT NOT NULL,
        example TEXT NOT NULL,
        count INTEGER NOT NULL,
        last_at INTEGER NOT NULL,
        PRIMARY KEY (commune, normalized)
      ) STRICT;
      INSERT INTO unanswered_groups_by_commune (commune, normalized, example, count, last_at)
        SELECT '', normalized, example, count, last_at FROM unanswered_groups;
      DROP TABLE unanswered_groups;
      ALTER TABLE unanswered_groups_by_commune RENAME TO unanswered_groups;
      CREATE INDEX unanswered_groups_rank ON unanswered_groups (count DESC, last_at DESC);
      CREATE INDEX unanswered_groups_last ON unanswered_groups (last_at);
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((latest, m) => Math.max(latest, m.version), 0);

function currentVersion(db: Database.Database): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
  return row.v ?? 0;
}

/** Bring the database to the latest schema; refuses a database written by a newer motcua. */
export function migrate(db: Database.Database, now: Date): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT',
  );
  const found = currentVersion(db);
  if (found > LATEST_SCHEMA_VERSION) {
    throw new StoreStartupError(
      `SQLite database has schema v${found}, newer than this motcua supports (v${LATEST_SCHEMA_VERSION}); upgrade motcua`,
    );
  }
  const record = db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)');
  for (const m of MIGRATIONS) {
    // Re-read the version inside the write lock: another process may have migrated meanwhile.
    db.transaction(() => {
      if (currentVersion(db) >= m.version) return;
      db.exec(m.sql);
      record.run(m.version, now.getTime());
    }).immediate();
  }
}
