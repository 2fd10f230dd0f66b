// Every engine is handed out wrapped in these checks, so both refuse the same bad input the same way
// (StoreInputError) and engine code may trust the types its signatures promise. The records' checks are
// their entity schemas; only the methods' other arguments (limits, filters, patches) are described here.
import { z } from 'zod';
import { dossierCode, dossierSchema, dossierStatus } from './entities/dossier';
import { newAnalyticsEventSchema } from './entities/analytics';
import { auditEntrySchema } from './entities/audit';
import { newComplaintSchema } from './entities/complaint';
import { contactSchema } from './entities/contact';
import { channel, commune, date, int, json, list, storeId, str, text, userId } from './entities/fields';
import { handoffState, newHandoffSchema } from './entities/handoff';
import { importJobSchema } from './entities/import-job';
import { newInboundSchema } from './entities/inbound';
import { knowledgeVersionSchema } from './entities/knowledge';
import { newOutboxItemSchema, outboxState } from './entities/outbox';
import { staffSessionSchema } from './entities/session';
import { newStaffAccountSchema, staffAccountSchema, username } from './entities/staff';
import { newSubscriptionSchema } from './entities/subscription';
import { tokenPairSchema } from './entities/token';
import { newUnansweredSchema, unansweredQuestionSchema } from './entities/unanswered';
import { arg, guardPort } from './guard';
import { RETENTION_KINDS, type EngineStores } from './ports';

const MAX_LIMIT = 10_000;
const communeFilter = list(commune, 1_000).nullable();

const a = {
  code: arg('code', dossierCode),
  channel: arg('channel', channel),
  userId: arg('userId', userId),
  id: arg('id', storeId),
  owner: arg('owner', str()),
  owners: arg('owners', list(str(), 1_000)),
  status: arg('status', dossierStatus),
  limit: arg('limit', int(1, MAX_LIMIT)),
  staleMs: arg('staleMs', int(0)),
  username: arg('username', username),
  conversationId: arg('conversationId', str()),
  counterKey: arg('key', str(512)),
  tokenKey: arg('key', str(128)),
  normalized: arg('normalized', unansweredQuestionSchema.shape.normalized),
  error: arg('error', text),
};
const at = (name: string) => arg(name, date);
const communes = arg('communes', communeFilter.optional());

const handoffFilter = arg(
  'filter',
  z.object({
    state: handoffState.optional(),
    from: date.optional(),
    to: date.optional(),
    channels: list(channel, 10).optional(),
    communes: communeFilter.optional(),
  }),
);
const jobPatch = arg(
  'patch',
  importJobSchema.pick({ state: true, counts: true, inFlight: true, error: true }).partial(),
);

export function validated(s: EngineStores): EngineStores {
  return {
    dossiers: guardPort(s.dossiers, {
      get: [a.code],
      getMany: [arg('codes', list(dossierCode, 1_000))],
      upsert: [arg('dossier', dossierSchema)],
      upsertMany: [arg('dossiers', list(dossierSchema, 1_000))],
      setStatus: [a.code, a.status, arg('note', text.nullable()), at('at')],
      count: [],
      countByAgency: [
        arg('filter', z.object({ statuses: list(dossierStatus, 20), dueBefore: date }).strict()),
      ],
    }),
    conversations: guardPort(s.conversations, {
      load: [a.conversationId],
      save: [a.conversationId, arg('state', json())],
    }),
    inbound: guardPort(s.inbound, {
      insertIfNew: [arg('inbound', newInboundSchema)],
      claimNext: [a.owner, a.staleMs],
      markDone: [a.id],
      countPending: [],
      recent: [a.channel, a.userId, a.limit],
      claimOwners: [],
      release: [a.owners],
    }),
    outbox: guardPort(s.outbox, {
      enqueue: [arg('items', list(newOutboxItemSchema, 100)), at('now')],
      claimNext: [a.owner, at('now'), a.staleMs],
      markSent: [a.id, at('now'), arg('messageId', str().nullable())],
      retryLater: [a.id, a.error, at('nextAttemptAt'), arg('uncertainSince', date.nullable())],
      markFinal: [a.id, arg('state', z.enum(['failed', 'dead'])), a.error],
      depth: [],
      get: [a.id],
      countByState: [arg('communes', communeFilter.optional())],
      requeue: [a.id, at('now')],
      claimOwners: [],
      release: [a.owners, at('now')],
      list: [
        arg(
          'filter',
          z.object({
            userId: userId.optional(),
            state: outboxState.optional(),
            communes: communeFilter.optional(),
          }),
        ),
        a.limit,
      ],
      recent: [a.channel, a.userId, a.limit],
    }),
    tokens: guardPort(s.tokens, {
      get: [a.tokenKey],
      put: [a.tokenKey, arg('tokens', tokenPairSchema)],
      lease: [a.tokenKey, a.owner, at('now'), at('until')],
      release: [a.tokenKey, a.owner],
    }),
    contacts: guardPort(s.contacts, {
      touch: [
        a.channel,
        a.userId,
        at('at'),
        arg('displayName', contactSchema.shape.displayName),
        arg('commune', commune.optional()),
      ],
      lastInboundAt: [a.channel, a.userId],
    }),
    unanswered: guardPort(s.unanswered, {
      add: [arg('question', newUnansweredSchema)],
      grouped: [a.limit, communes],
      resolve: [a.normalized, communes],
    }),
    analytics: guardPort(s.analytics, {
      record: [arg('event', newAnalyticsEventSchema)],
      between: [at('from'), at('to'), arg('communes', communeFilter.optional())],
    }),
    subscriptions: guardPort(s.subscriptions, {
      add: [arg('subscription', newSubscriptionSchema), at('at')],
      forCode: [a.code],
      forUser: [a.channel, a.userId],
      markNotified: [a.code, a.channel, a.userId, a.status],
    }),
    complaints: guardPort(s.complaints, {
      add: [arg('complaint', newComplaintSchema)],
    }),
    staff: guardPort(s.staff, {
      create: [arg('account', newStaffAccountSchema), at('at')],
      get: [a.username],
      list: [],
      update: [
        a.username,
        arg(
          'patch',
          staffAccountSchema
            .pick({ role: true, communes: true, passwordHash: true, disabled: true })
            .partial(),
        ),
        at('at'),
      ],
    }),
    sessions: guardPort(s.sessions, {
      create: [arg('session', staffSessionSchema)],
      get: [a.id],
      touch: [a.id, at('at')],
      delete: [a.id],
      deleteForUser: [a.username],
      deleteIdle: [at('before')],
    }),
    audit: guardPort(s.audit, {
      append: [arg('entry', auditEntrySchema.omit({ id: true }))],
      list: [
        arg(
          'filter',
          z.object({
            actor: auditEntrySchema.shape.actor.optional(),
            target: auditEntrySchema.shape.target.optional(),
            from: date.optional(),
            to: date.optional(),
          }),
        ),
        a.limit,
      ],
    }),
    knowledge: guardPort(s.knowledge, {
      publish: [arg('version', knowledgeVersionSchema.omit({ version: true }))],
      current: [],
      get: [
        arg('key', knowledgeVersionSchema.shape.key),
        arg('version', knowledgeVersionSchema.shape.version),
      ],
      history: [arg('key', knowledgeVersionSchema.shape.key), a.limit],
      revision: [],
    }),
    handoffs: guardPort(s.handoffs, {
      open: [arg('request', newHandoffSchema), at('at')],
      active: [a.channel, a.userId],
      get: [a.id],
      list: [handoffFilter, a.limit, arg('offset', int(0).optional())],
      count: [handoffFilter],
      take: [a.id, a.username, at('at')],
      touch: [a.id, at('at')],
      close: [a.id, a.username, at('at')],
    }),
    counters: guardPort(s.counters, {
      increment: [a.counterKey, at('now'), at('expiresAt')],
      peek: [a.counterKey, at('now')],
      delete: [a.counterKey],
      purgeExpired: [at('now')],
    }),
    personalData: guardPort(s.personalData, {
      purge: [arg('kind', z.enum(RETENTION_KINDS)), at('before')],
      export: [a.channel, a.userId],
      erase: [a.channel, a.userId],
    }),
    imports: guardPort(s.imports, {
      create: [arg('job', importJobSchema.omit({ id: true, updatedAt: true })), at('at')],
      update: [a.id, jobPatch, at('at')],
      get: [a.id],
      list: [a.limit],
      interruptStale: [at('before'), at('at')],
    }),
    ping: () => s.ping(),
    probeWrite: guardPort({ probeWrite: s.probeWrite }, { probeWrite: [a.owner, at('at')] }).probeWrite,
    close: () => s.close(),
  };
}
