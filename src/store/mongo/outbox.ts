import mongoose, { Schema, type Connection, type Types } from 'mongoose';
import type { NewOutboxItem, OutboxItem, OutboxState, OutboxStore } from '../ports';
import { communeFilter } from './commune-filter';
import { claimLog } from './claim-log';
import { retryOnDuplicate } from './duplicate-key';
import { isObjectIdHex } from './object-id';
import { SCHEMA_OPTIONS } from './schema-options';

type OutboxDoc = Omit<OutboxItem, 'id' | 'source' | 'uncertainSince' | 'messageId'> & {
  uncertainSince?: Date | null;
  messageId?: string | null;
  source?: string; // absent, never null: see the index below
  _id: Types.ObjectId;
  queue: string; // one citizen's queue: channel + user id
  owner: string | null;
  claimedAt: Date | null;
  claims: number; // generations claimed so far (see claim-log.ts)
};

const schema = new Schema<OutboxDoc>(
  {
    channel: { type: String, required: true },
    userId: { type: String, required: true },
    queue: { type: String, required: true },
    seq: { type: Number, required: true, min: 1 },
    reply: {
      type: new Schema(
        { text: { type: String, default: '' }, options: { type: [String], default: [] } },
        { _id: false },
      ),
      required: true,
    },
    state: { type: String, enum: ['pending', 'sending', 'sent', 'failed', 'dead'], required: true },
    attempts: { type: Number, required: true, min: 0 },
    nextAttemptAt: { type: Date, required: true },
    lastError: { type: String, default: null },
    createdAt: { type: Date, required: true },
    inboundReceivedAt: { type: Date, default: null },
    owner: { type: String, default: null },
    claimedAt: { type: Date, default: null },
    claims: { type: Number, required: true, min: 0 },
    source: { type: String },
    uncertainSince: { type: Date, default: null },
    messageId: { type: String, default: null },
    commune: { type: String, default: null },
  },
  { ...SCHEMA_OPTIONS, collection: 'outbox' },
);
// Places in a queue are unique, so two instances enqueueing for one citizen cannot take the same one.
schema.index({ queue: 1, seq: 1 }, { unique: true });
// A part's source is queued once, whichever instance re-processes its message. FerretDB v1 has no
// partialFilterExpression, so items without a source leave the field out (sparse) rather than store null.
schema.index({ source: 1 }, { unique: true, sparse: true });
schema.index({ state: 1, nextAttemptAt: 1 });
schema.index({ state: 1, claimedAt: 1 });
schema.index({ state: 1, owner: 1 });
schema.index({ userId: 1, createdAt: 1 });
schema.index({ queue: 1, createdAt: -1 });

const UNFINISHED: OutboxState[] = ['pending', 'sending'];
const CANDIDATES_PER_ROUND = 20;
const queueOf = (channel: string, userId: string) => `${channel}\u0000${userId}`;

const toItem = (d: OutboxDoc): OutboxItem => ({
  id: d._id.toHexString(),
  channel: d.channel,
  userId: d.userId,
  seq: d.seq,
  reply: { text: d.reply.text, options: [...d.reply.options] },
  state: d.state,
  attempts: d.attempts,
  nextAttemptAt: d.nextAttemptAt,
  lastError: d.lastError ?? null,
  createdAt: d.createdAt,
  inboundReceivedAt: d.inboundReceivedAt ?? null,
  source: d.source ?? null,
  uncertainSince: d.uncertainSince ?? null,
  messageId: d.messageId ?? null,
  commune: d.commune ?? null,
});

const STATES: readonly OutboxState[] = ['pending', 'sending', 'sent', 'failed', 'dead'];

type Head = Pick<OutboxDoc, '_id' | 'state' | 'nextAttemptAt' | 'claimedAt' | 'claims' | 'uncertainSince'>;

export function mongoOutbox(conn: Connection): OutboxStore {
  const Outbox = conn.model('Outbox', schema);
  const claims = claimLog(conn, 'outbox_claims');

  const dueFilter = (now: Date, staleBefore: Date) => ({
    $or: [
      { state: 'pending' as const, nextAttemptAt: mongoose.trusted({ $lte: now }) },
      { state: 'sending' as const, claimedAt: mongoose.trusted({ $lte: staleBefore }) },
    ],
  });
  const isDue = (h: Head, now: Date, staleBefore: Date) =>
    h.state === 'pending' ? h.nextAttemptAt <= now : h.claimedAt !== null && h.claimedAt <= staleBefore;

  /**
   * Append one part at the end of its queue. A duplicate key means a concurrent enqueue took the same place
   * or the same source; the retry then finds the stored source, or takes the next place.
   */
  const append = (it: NewOutboxItem, now: Date) =>
    retryOnDuplicate(async () => {
      if (it.source !== undefined) {
        const stored = await Outbox.findOne({ source: it.source }).lean<OutboxDoc>();
        if (stored) return toItem(stored);
      }
      const queue = queueOf(it.channel, it.userId);
      const last = await Outbox.findOne({ queue }, { seq: 1 }).sort({ seq: -1 }).lean<{ seq: number }>();
      const doc = await Outbox.create({
        channel: it.channel,
        userId: it.userId,
        queue,
        seq: (last?.seq ?? 0) + 1,
        reply: { text: it.reply.text, options: it.reply.options },
        state: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        createdAt: now,
        inboundReceivedAt: it.inboundReceivedAt,
        commune: it.commune ?? null,
        owner: null,
        claimedAt: null,
        claims: 0,
        ...(it.source === undefined ? {} : { source: it.source }),
      });
      return toItem(doc.toObject());
    }, 20);

  return {
    // Without multi-document transactions (FerretDB v1 has none) the parts are appended one by one, in
    // order: a crash can lose trailing parts of an answer but never reorder them, and the message's
    // re-processing then adds only the missing parts (the others are found by source).
    enqueue: async (items, now) => {
      const out: OutboxItem[] = [];
      for (const it of items) out.push(await append(it, now));
      return out;
    },

    // Only the head of a queue (its lowest unfinished seq) may be claimed. Due items are scanned oldest
    // first; each queue met is either claimed from or passed over for the rest of this call.
    claimNext: async (owner, now, staleMs) => {
      const staleBefore = new Date(now.getTime() - staleMs);
      const passed: string[] = [];
      for (;;) {
        const candidates = await Outbox.find(
          { ...dueFilter(now, staleBefore), queue: mongoose.trusted({ $nin: passed }) },
          { queue: 1 },
        )
          .sort({ nextAttemptAt: 1, _id: 1 })
          .limit(CANDIDATES_PER_ROUND)
          .lean<Array<{ queue: string }>>();
        if (candidates.length === 0) return null;
        for (const queue of new Set(candidates.map((c) => c.queue))) {
          const head = await Outbox.findOne(
            { queue, state: mongoose.trusted({ $in: UNFINISHED }) },
            { state: 1, nextAttemptAt: 1, claimedAt: 1, claims: 1, uncertainSince: 1 },
          )
            .sort({ seq: 1 })
            .lean<Head>();
          if (head && isDue(head, now, staleBefore)) {
            const generation = await claims.take(
              head._id.toHexString(),
              head.claims + 1,
              owner,
              now,
              staleBefore,
            );
            if (generation !== null) {
              const doc = await Outbox.findOneAndUpdate(
                {
                  _id: head._id,
                  claims: mongoose.trusted({ $lt: generation }),
                  ...dueFilter(now, staleBefore),
                },
                {
                  // A stale 'sending' head's last attempt may have gone out: uncertain since its claim.
                  $set: {
                    state: 'sending',
                    owner,
                    claimedAt: now,
                    claims: generation,
                    uncertainSince:
                      head.state === 'sending'
                        ? (head.uncertainSince ?? head.claimedAt)
                        : (head.uncertainSince ?? null),
                  },
                  $inc: { attempts: 1 },
                },
                { returnDocument: 'after' },
              ).lean<OutboxDoc>();
              if (doc) return toItem(doc);
            }
          }
          passed.push(queue);
        }
      }
    },
    markSent: async (id, _now, messageId) => {
      if (!isObjectIdHex(id)) return;
      await Outbox.updateOne(
        { _id: id },
        { $set: { state: 'sent', owner: null, lastError: null, uncertainSince: null, messageId } },
      );
      await claims.forget(id);
    },
    retryLater: async (id, error, nextAttemptAt, uncertainSince) => {
      if (!isObjectIdHex(id)) return;
      const held = uncertainSince
        ? await Outbox.findById(id, { uncertainSince: 1 }).lean<Pick<OutboxDoc, 'uncertainSince'>>()
        : null;
      const since = uncertainSince ? (held?.uncertainSince ?? uncertainSince) : null;
      await Outbox.updateOne(
        { _id: id },
        { $set: { state: 'pending', owner: null, lastError: error, nextAttemptAt, uncertainSince: since } },
      );
    },
    markFinal: async (id, state, error) => {
      if (!isObjectIdHex(id)) return;
      await Outbox.updateOne({ _id: id }, { $set: { state, owner: null, lastError: error } });
      await claims.forget(id);
    },
    depth: async () => Outbox.countDocuments({ state: mongoose.trusted({ $in: UNFINISHED }) }),
    get: async (id) => {
      if (!isObjectIdHex(id)) return null;
      const doc = await Outbox.findById(id).lean<OutboxDoc>();
      return doc ? toItem(doc) : null;
    },
    countByState: async (communes) => {
      const counts = await Promise.all(
        STATES.map((state) => Outbox.countDocuments({ state, ...communeFilter(communes) })),
      );
      return Object.fromEntries(STATES.map((st, i) => [st, counts[i]])) as Record<OutboxState, number>;
    },
    requeue: async (id, now) => {
      if (!isObjectIdHex(id)) return null;
      const doc = await Outbox.findOneAndUpdate(
        { _id: id, state: mongoose.trusted({ $in: ['failed', 'dead'] }) },
        { $set: { state: 'pending', attempts: 0, nextAttemptAt: now, owner: null } },
        { returnDocument: 'after' },
      ).lean<OutboxDoc>();
      return doc ? toItem(doc) : null;
    },
    claimOwners: async () =>
      (await Outbox.distinct('owner', { state: 'sending' })).filter(
        (o): o is string => typeof o === 'string',
      ),
    // No multi-document update with per-document values on FerretDB v1: one update per held item.
    release: async (owners, now) => {
      const held = await Outbox.find({ state: 'sending', owner: mongoose.trusted({ $in: owners }) }).lean<
        OutboxDoc[]
      >();
      let n = 0;
      for (const d of held) {
        const r = await Outbox.updateOne(
          { _id: d._id, state: 'sending', owner: d.owner },
          {
            $set: {
              state: 'pending',
              owner: null,
              uncertainSince: d.uncertainSince ?? d.claimedAt,
              nextAttemptAt: d.nextAttemptAt < now ? d.nextAttemptAt : now,
            },
          },
        );
        n += r.modifiedCount;
      }
      await claims.forgetOwners(owners);
      return n;
    },
    list: async (filter, limit) => {
      const docs = await Outbox.find({
        ...(filter.userId === undefined ? {} : { userId: filter.userId }),
        ...(filter.state === undefined ? {} : { state: filter.state }),
        ...communeFilter(filter.communes),
      })
        .sort({ createdAt: 1, _id: 1 })
        .limit(limit)
        .lean<OutboxDoc[]>();
      return docs.map(toItem);
    },
    recent: async (channel, userId, limit) =>
      (
        await Outbox.find({ queue: queueOf(channel, userId) })
          .sort({ createdAt: -1, _id: -1 })
          .limit(limit)
          .lean<OutboxDoc[]>()
      )
        .reverse()
        .map(toItem),
  };
}
