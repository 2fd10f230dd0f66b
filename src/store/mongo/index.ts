// MongoDB engine (mongoose) for several instances behind a load balancer. Each call opens its own
// Connection (never mongoose's global one), so one process can hold two independent connections.
import type { Stores } from '../ports';
import { StoreStartupError, firstLine } from '../startup-error';
import { validated } from '../validated';
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
  const conversations = mongoConversations(conn);
  const inbound = mongoInbound(conn);
  const outbox = mongoOutbox(conn);
  const subscriptions = mongoSubscriptions(conn);
  const stores: Stores = {
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
    close: async () => {
      await conn.close();
    },
  };
  try {
    // Dedupe and claims rely on the unique indexes, so they must exist before the first request.
    await Promise.all(Object.values(conn.models).map((m) => m.createIndexes()));
  } catch (err) {
    await conn.close();
    throw new StoreStartupError(`MongoDB at ${describeMongoUri(uri)}: cannot create indexes: ${firstLine(err)}`);
  }
  return validated(stores);
}
