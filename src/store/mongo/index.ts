// MongoDB engine (mongoose) for several instances behind a load balancer. Each call opens its own
// Connection (never mongoose's global one), so one process can hold two independent connections.
import type { EngineStores, Stores } from '../ports';
import mongoose, { Schema } from 'mongoose';
import { firstLine } from '../../core/first-line';
import { StoreStartupError } from '../startup-error';
import { SCHEMA_OPTIONS } from './schema-options';
import { validated } from '../validated';
import { watchWrites } from '../watch-writes';
import { mongoAnalytics } from './analytics';
import { mongoAudit } from './audit';
import { mongoComplaints } from './complaints';
import { connectMongo, describeMongoUri } from './connect';
import { mongoContacts } from './contacts';
import { mongoCounters } from './counters';
import { mongoConversations } from './conversations';
import { mongoDossiers } from './dossiers';
import { mongoHandoffs } from './handoffs';
import { mongoImportJobs } from './import-jobs';
import { mongoInbound } from './inbound';
import { mongoKnowledge } from './knowledge';
import { mongoOutbox } from './outbox';
import { mongoPersonalData } from './personal-data';
import { mongoSessions } from './sessions';
import { mongoStaff } from './staff';
import { mongoSubscriptions } from './subscriptions';
import { mongoTokens } from './tokens';
import { mongoUnanswered } from './unanswered';

export async function openMongoStores(uri: string): Promise<Stores> {
  const conn = await connectMongo(uri);
  const Heartbeats = conn.model(
    'Instance',
    new Schema<{ _id: string; seenAt: Date }>(
      { _id: String, seenAt: { type: Date, required: true } },
      { ...SCHEMA_OPTIONS, collection: 'instances' },
    ),
  );
  const conversations = mongoConversations(conn);
  const inbound = mongoInbound(conn);
  const outbox = mongoOutbox(conn);
  const subscriptions = mongoSubscriptions(conn);
  const stores: EngineStores = {
    dossiers: mongoDossiers(conn),
    conversations,
    inbound,
    outbox,
    tokens: mongoTokens(conn),
    contacts: mongoContacts(conn),
    unanswered: mongoUnanswered(conn),
    analytics: mongoAnalytics(conn),
    subscriptions,
    complaints: mongoComplaints(conn),
    staff: mongoStaff(conn),
    sessions: mongoSessions(conn),
    audit: mongoAudit(conn),
    knowledge: mongoKnowledge(conn),
    handoffs: mongoHandoffs(conn),
    counters: mongoCounters(conn),
    imports: mongoImportJobs(conn),
    // Last: it looks up the models the ports above registered.
    personalData: mongoPersonalData(conn, { inbound, outbox, conversations, subscriptions }),
    ping: async () => {
      await conn.getClient().db('admin').command({ ping: 1 });
    },
    probeWrite: async (owner, at) => {
      await Heartbeats.updateOne({ _id: owner }, { $set: { seenAt: at } }, { upsert: true });
      await Heartbeats.deleteMany({
        seenAt: mongoose.trusted({ $lt: new Date(at.getTime() - 7 * 86_400_000) }),
      });
    },
    close: async () => {
      await conn.close();
    },
  };
  try {
    // Dedupe and claims rely on the unique indexes, so they must exist before the first request.
    await Promise.all(Object.values(conn.models).map((m) => m.createIndexes()));
  } catch (err) {
    await conn.close();
    throw new StoreStartupError(
      `MongoDB at ${describeMongoUri(uri)}: cannot create indexes: ${firstLine(err)}`,
    );
  }
  return watchWrites(validated(stores));
}
