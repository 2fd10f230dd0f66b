// The entity schemas (src/store/entities) are the one description of each record; the SQLite migrations and
// the mongoose schemas must keep up with them. A field missing on either side fails here, by name.
import Database from 'better-sqlite3';
import mongoose from 'mongoose';
import type { z } from 'zod';
import { analyticsEventSchema } from '../../src/store/entities/analytics';
import { auditEntrySchema } from '../../src/store/entities/audit';
import { complaintSchema } from '../../src/store/entities/complaint';
import { contactSchema } from '../../src/store/entities/contact';
import { dossierSchema, statusChangeSchema } from '../../src/store/entities/dossier';
import { handoffSchema } from '../../src/store/entities/handoff';
import { importJobSchema } from '../../src/store/entities/import-job';
import { inboundRecordSchema } from '../../src/store/entities/inbound';
import { knowledgeVersionSchema } from '../../src/store/entities/knowledge';
import { outboxItemSchema } from '../../src/store/entities/outbox';
import { staffSessionSchema } from '../../src/store/entities/session';
import { staffAccountSchema } from '../../src/store/entities/staff';
import { subscriptionSchema } from '../../src/store/entities/subscription';
import { tokenPairSchema } from '../../src/store/entities/token';
import { unansweredQuestionSchema } from '../../src/store/entities/unanswered';
import { mongoAnalytics } from '../../src/store/mongo/analytics';
import { mongoAudit } from '../../src/store/mongo/audit';
import { mongoComplaints } from '../../src/store/mongo/complaints';
import { mongoContacts } from '../../src/store/mongo/contacts';
import { mongoDossiers } from '../../src/store/mongo/dossiers';
import { mongoHandoffs } from '../../src/store/mongo/handoffs';
import { mongoImportJobs } from '../../src/store/mongo/import-jobs';
import { mongoInbound } from '../../src/store/mongo/inbound';
import { mongoKnowledge } from '../../src/store/mongo/knowledge';
import { mongoOutbox } from '../../src/store/mongo/outbox';
import { mongoSessions } from '../../src/store/mongo/sessions';
import { mongoStaff } from '../../src/store/mongo/staff';
import { mongoSubscriptions } from '../../src/store/mongo/subscriptions';
import { mongoTokens } from '../../src/store/mongo/tokens';
import { mongoUnanswered } from '../../src/store/mongo/unanswered';
import { columnName } from '../../src/store/sqlite/columns';
import { migrate } from '../../src/store/sqlite/migrations';

interface Stored {
  schema: z.ZodObject;
  /** The SQLite table, the fields kept in another table, and the columns kept beyond the entity's fields. */
  table: string;
  elsewhere?: string[];
  columns?: string[];
  /** The mongoose model (none for a table of a sub-document); `id` names the entity field kept as _id. */
  model?: string;
  id?: string;
  paths?: string[];
}

const ENTITIES: Stored[] = [
  { schema: dossierSchema, table: 'dossiers', elsewhere: ['history'], model: 'Dossier', id: 'code' },
  { schema: statusChangeSchema, table: 'dossier_history', columns: ['code', 'seq'] },
  {
    schema: inboundRecordSchema,
    table: 'inbound',
    columns: ['owner', 'claimed_at'],
    model: 'Inbound',
    id: 'id',
    paths: ['owner', 'claimedAt', 'claims'],
  },
  {
    schema: outboxItemSchema,
    table: 'outbox',
    columns: ['owner', 'claimed_at'],
    model: 'Outbox',
    id: 'id',
    paths: ['queue', 'owner', 'claimedAt', 'claims'],
  },
  {
    schema: tokenPairSchema,
    table: 'tokens',
    columns: ['channel', 'lease_holder', 'lease_until'],
    model: 'Token',
  },
  { schema: contactSchema, table: 'contacts', model: 'Contact' },
  { schema: unansweredQuestionSchema, table: 'unanswered', columns: ['id'], model: 'Unanswered' },
  { schema: analyticsEventSchema, table: 'analytics', columns: ['id'], model: 'AnalyticsEvent' },
  { schema: subscriptionSchema, table: 'subscriptions', model: 'Subscription' },
  { schema: complaintSchema, table: 'complaints', model: 'Complaint', id: 'id' },
  { schema: staffAccountSchema, table: 'staff', model: 'Staff' },
  { schema: staffSessionSchema, table: 'sessions', model: 'Session', id: 'id' },
  { schema: auditEntrySchema, table: 'audit', model: 'Audit', id: 'id' },
  { schema: knowledgeVersionSchema, table: 'knowledge_versions', columns: ['id'], model: 'KnowledgeVersion' },
  { schema: handoffSchema, table: 'handoffs', model: 'Handoff', id: 'id' },
  { schema: importJobSchema, table: 'import_jobs', model: 'ImportJob', id: 'id' },
];

const fields = (e: Stored) => Object.keys(e.schema.shape);
const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

test('every entity field has a SQLite column, and every column is a field or named bookkeeping', () => {
  const db = new Database(':memory:');
  try {
    migrate(db, new Date());
    for (const e of ENTITIES) {
      const columns = (db.pragma(`table_info(${e.table})`) as Array<{ name: string }>).map((c) => c.name);
      expect({ table: e.table, columns: sorted(columns) }).toEqual({
        table: e.table,
        columns: sorted([
          ...fields(e)
            .filter((f) => !e.elsewhere?.includes(f))
            .map(columnName),
          ...(e.columns ?? []),
        ]),
      });
    }
  } finally {
    db.close();
  }
});

test('every entity field has a mongoose path, and every path is a field or named bookkeeping', () => {
  // Registering the models needs no server: the connection is never opened.
  const conn = mongoose.createConnection();
  for (const register of [
    mongoDossiers,
    mongoInbound,
    mongoOutbox,
    mongoTokens,
    mongoContacts,
    mongoUnanswered,
    mongoAnalytics,
    mongoSubscriptions,
    mongoComplaints,
    mongoStaff,
    mongoSessions,
    mongoAudit,
    mongoKnowledge,
    mongoHandoffs,
    mongoImportJobs,
  ])
    register(conn);
  for (const e of ENTITIES) {
    if (e.model === undefined) continue;
    const model = conn.models[e.model];
    if (!model) throw new Error(`no mongoose model ${e.model}`);
    // Top-level names only: a sub-document's own paths ("counts.total") belong to its field.
    const paths = Object.keys(model.schema.paths).map((p) => p.split('.')[0] ?? p);
    // Every document has an _id: the entity's own id where it has one, else a generated one.
    const expected = ['_id', ...fields(e).filter((f) => f !== e.id)];
    expect({ model: e.model, paths: sorted(paths) }).toEqual({
      model: e.model,
      paths: sorted([...expected, ...(e.paths ?? [])]),
    });
  }
});
