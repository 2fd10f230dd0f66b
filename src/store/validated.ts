// Every engine is handed out wrapped in these checks, so both refuse the same bad input the same way
// (StoreInputError) and engine code may trust the types its signatures promise.
import { ASPECTS, INTENTS } from '../core/labels';
import {
  arrayOf,
  bool,
  date,
  guardPort,
  int,
  json,
  nullable,
  num,
  oneOf,
  optional,
  shape,
  str,
  text,
} from './guard';
import {
  DOSSIER_STATUSES,
  HANDOFF_REASONS,
  HANDOFF_STATES,
  IMPORT_JOB_STATES,
  RETENTION_KINDS,
  STAFF_ROLES,
  type EngineStores,
} from './ports';

const ANALYTICS_TYPES = ['message', 'answer', 'not_understood', 'lookup', 'handoff', 'complaint'] as const;
const OUTBOX_STATES = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;
const MAX_LIMIT = 10_000;

const code = str('code', 64);
const channel = str('channel', 32);
const userId = str('userId');
const id = str('id');
const owner = str('owner');
const status = oneOf('status', DOSSIER_STATUSES);
const limit = int('limit', 1, MAX_LIMIT);
const staleMs = int('staleMs', 0);
const username = str('username', 64);

const dossier = shape('dossier', {
  code,
  procedureId: str('procedureId'),
  applicantName: str('applicantName'),
  phone: nullable(str('phone', 32)),
  receivedAt: date('receivedAt'),
  dueAt: date('dueAt'),
  status,
  reason: nullable(text('reason')),
  note: nullable(text('note')),
  history: arrayOf(
    'history',
    shape('history entry', { status, at: date('at'), note: nullable(text('note')) }),
  ),
  updatedAt: date('updatedAt'),
});

const handoffFilter = shape('filter', {
  state: optional(oneOf('state', HANDOFF_STATES)),
  from: optional(date('from')),
  to: optional(date('to')),
  channels: optional(arrayOf('channels', channel, 10)),
});
const counts = shape(
  'counts',
  Object.fromEntries(
    ['total', 'done', 'created', 'updated', 'unchanged', 'rejected', 'notified'].map((k) => [k, int(k, 0)]),
  ),
);
const jobPatch = shape('patch', {
  state: optional(oneOf('state', IMPORT_JOB_STATES)),
  counts: optional(counts),
  inFlight: optional(arrayOf('inFlight', code, 1_000)),
  error: optional(nullable(text('error'))),
});

const reply = shape('reply', {
  text: text('reply.text'),
  options: arrayOf('reply.options', text('option'), 20),
});

export function validated(s: EngineStores): EngineStores {
  return {
    dossiers: guardPort(s.dossiers, {
      get: [code],
      getMany: [arrayOf('codes', code, 1_000)],
      upsert: [dossier],
      upsertMany: [arrayOf('dossiers', dossier, 1_000)],
      setStatus: [code, status, nullable(text('note')), date('at')],
      count: [],
    }),
    conversations: guardPort(s.conversations, {
      load: [str('conversationId')],
      save: [str('conversationId'), json('state')],
    }),
    inbound: guardPort(s.inbound, {
      insertIfNew: [
        shape('inbound', {
          channel,
          messageId: str('messageId'),
          userId,
          kind: str('kind', 32),
          text: text('text'),
          displayName: nullable(str('displayName')),
          sentAt: date('sentAt'),
          receivedAt: date('receivedAt'),
        }),
      ],
      claimNext: [owner, staleMs],
      markDone: [id],
      countPending: [],
      recent: [channel, userId, limit],
      claimOwners: [],
      release: [arrayOf('owners', owner, 1_000)],
    }),
    outbox: guardPort(s.outbox, {
      enqueue: [
        arrayOf(
          'items',
          shape('item', {
            channel,
            userId,
            reply,
            inboundReceivedAt: nullable(date('inboundReceivedAt')),
            source: optional(str('source', 512)),
          }),
          100,
        ),
        date('now'),
      ],
      claimNext: [owner, date('now'), staleMs],
      markSent: [id, date('now'), nullable(str('messageId'))],
      retryLater: [id, text('error'), date('nextAttemptAt'), nullable(date('uncertainSince'))],
      markFinal: [id, oneOf('state', ['failed', 'dead']), text('error')],
      depth: [],
      get: [id],
      countByState: [],
      requeue: [id, date('now')],
      claimOwners: [],
      release: [arrayOf('owners', owner, 1_000), date('now')],
      list: [
        shape('filter', { userId: optional(userId), state: optional(oneOf('state', OUTBOX_STATES)) }),
        limit,
      ],
      recent: [channel, userId, limit],
    }),
    tokens: guardPort(s.tokens, {
      get: [channel],
      put: [
        channel,
        shape('tokens', {
          accessToken: text('accessToken'),
          refreshToken: text('refreshToken'),
          expiresAt: date('expiresAt'),
        }),
      ],
    }),
    contacts: guardPort(s.contacts, {
      touch: [channel, userId, date('at'), nullable(str('displayName'))],
      lastInboundAt: [channel, userId],
    }),
    unanswered: guardPort(s.unanswered, {
      add: [
        shape('question', {
          text: text('text'),
          normalized: str('normalized', 2_000),
          intent: oneOf('intent', INTENTS),
          procedure: nullable(str('procedure')),
          aspect: nullable(oneOf('aspect', ASPECTS)),
          confidence: num('confidence'),
          channel,
          at: date('at'),
        }),
      ],
      grouped: [limit],
      resolve: [str('normalized', 2_000)],
    }),
    analytics: guardPort(s.analytics, {
      record: [
        shape('event', {
          type: oneOf('type', ANALYTICS_TYPES),
          channel,
          intent: nullable(oneOf('intent', INTENTS)),
          procedure: nullable(str('procedure')),
          aspect: nullable(oneOf('aspect', ASPECTS)),
          at: date('at'),
        }),
      ],
      between: [date('from'), date('to')],
    }),
    subscriptions: guardPort(s.subscriptions, {
      add: [shape('subscription', { code, channel, userId }), date('at')],
      forCode: [code],
      forUser: [channel, userId],
      markNotified: [code, channel, userId, status],
    }),
    complaints: guardPort(s.complaints, {
      add: [shape('complaint', { channel, userId, text: text('text'), at: date('at') })],
    }),
    staff: guardPort(s.staff, {
      create: [
        shape('account', {
          username,
          role: oneOf('role', STAFF_ROLES),
          passwordHash: str('passwordHash', 1_000),
          disabled: bool('disabled'),
        }),
        date('at'),
      ],
      get: [username],
      list: [],
      update: [
        username,
        shape('patch', {
          role: optional(oneOf('role', STAFF_ROLES)),
          passwordHash: optional(str('passwordHash', 1_000)),
          disabled: optional(bool('disabled')),
        }),
        date('at'),
      ],
    }),
    sessions: guardPort(s.sessions, {
      create: [
        shape('session', {
          id,
          username,
          csrfToken: str('csrfToken'),
          createdAt: date('createdAt'),
          lastSeenAt: date('lastSeenAt'),
        }),
      ],
      get: [id],
      touch: [id, date('at')],
      delete: [id],
      deleteForUser: [username],
      deleteIdle: [date('before')],
    }),
    audit: guardPort(s.audit, {
      append: [
        shape('entry', {
          at: date('at'),
          actor: str('actor'),
          action: str('action'),
          target: str('target', 1_000),
          before: json('before'),
          after: json('after'),
        }),
      ],
      list: [
        shape('filter', {
          actor: optional(str('actor')),
          target: optional(str('target', 1_000)),
          from: optional(date('from')),
          to: optional(date('to')),
        }),
        limit,
      ],
    }),
    knowledge: guardPort(s.knowledge, {
      publish: [
        shape('version', {
          key: str('key'),
          content: json('content'),
          author: str('author'),
          at: date('at'),
          comment: nullable(text('comment')),
        }),
      ],
      current: [],
      get: [str('key'), int('version', 1)],
      history: [str('key'), limit],
      revision: [],
    }),
    handoffs: guardPort(s.handoffs, {
      open: [
        shape('request', {
          channel,
          userId,
          displayName: nullable(str('displayName')),
          reason: oneOf('reason', HANDOFF_REASONS),
        }),
        date('at'),
      ],
      active: [channel, userId],
      get: [id],
      list: [handoffFilter, limit, optional(int('offset', 0))],
      count: [handoffFilter],
      take: [id, username, date('at')],
      touch: [id, date('at')],
      close: [id, username, date('at')],
    }),
    counters: guardPort(s.counters, {
      increment: [str('key', 512), date('now'), date('expiresAt')],
      peek: [str('key', 512), date('now')],
      delete: [str('key', 512)],
      purgeExpired: [date('now')],
    }),
    personalData: guardPort(s.personalData, {
      purge: [oneOf('kind', RETENTION_KINDS), date('before')],
      export: [channel, userId],
      erase: [channel, userId],
    }),
    imports: guardPort(s.imports, {
      create: [
        shape('job', {
          file: str('file'),
          actor: str('actor'),
          state: oneOf('state', IMPORT_JOB_STATES),
          counts,
          inFlight: arrayOf('inFlight', code, 1_000),
          error: nullable(text('error')),
          startedAt: date('startedAt'),
        }),
        date('at'),
      ],
      update: [id, jobPatch, date('at')],
      get: [id],
      list: [limit],
      interruptStale: [date('before'), date('at')],
    }),
    ping: () => s.ping(),
    probeWrite: guardPort({ probeWrite: s.probeWrite }, { probeWrite: [owner, date('at')] }).probeWrite,
    close: () => s.close(),
  };
}
