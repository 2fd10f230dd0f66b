import mongoose, { Schema, type Connection, type Types } from 'mongoose';
import type { InboundRecord, InboundState, InboundStore } from '../ports';
import { claimLog } from './claim-log';
import { isDuplicateKey } from './duplicate-key';
import { isObjectIdHex } from './object-id';
import { SCHEMA_OPTIONS } from './schema-options';

type InboundDoc = Omit<InboundRecord, 'id'> & {
  _id: Types.ObjectId;
  owner: string | null;
  claimedAt: Date | null;
  claims: number; // generations claimed so far (see claim-log.ts)
};

const schema = new Schema<InboundDoc>(
  {
    channel: { type: String, required: true },
    messageId: { type: String, required: true },
    userId: { type: String, required: true },
    kind: { type: String, required: true },
    text: { type: String, default: '' },
    displayName: { type: String, default: null },
    sentAt: { type: Date, required: true },
    receivedAt: { type: Date, required: true },
    state: { type: String, enum: ['pending', 'processing', 'done'], required: true },
    commune: { type: String, default: null },
    owner: { type: String, default: null },
    claimedAt: { type: Date, default: null },
    claims: { type: Number, required: true, min: 0 },
  },
  { ...SCHEMA_OPTIONS, collection: 'inbound' },
);
// Dedupe relies on this index: a redelivered webhook cannot insert a second copy on any instance.
schema.index({ channel: 1, messageId: 1 }, { unique: true });
schema.index({ state: 1, receivedAt: 1 });
schema.index({ state: 1, claimedAt: 1 });
schema.index({ state: 1, owner: 1 });
schema.index({ channel: 1, userId: 1, receivedAt: -1 });

const UNFINISHED: InboundState[] = ['pending', 'processing'];
const SCAN_PAGE = 500;

type Candidate = Pick<InboundDoc, '_id' | 'claims' | 'channel' | 'userId' | 'state' | 'claimedAt'>;

const toRecord = (d: InboundDoc): InboundRecord => ({
  id: d._id.toHexString(),
  channel: d.channel,
  messageId: d.messageId,
  userId: d.userId,
  kind: d.kind,
  text: d.text,
  displayName: d.displayName ?? null,
  sentAt: d.sentAt,
  receivedAt: d.receivedAt,
  state: d.state,
  commune: d.commune ?? null,
});

export function mongoInbound(conn: Connection): InboundStore {
  const Inbound = conn.model('Inbound', schema);
  const claims = claimLog(conn, 'inbound_claims');
  const claimable = (staleBefore: Date) => ({
    $or: [
      { state: 'pending' as const },
      { state: 'processing' as const, claimedAt: mongoose.trusted({ $lte: staleBefore }) },
    ],
  });

  return {
    insertIfNew: async (r) => {
      try {
        const doc = await Inbound.create({
          channel: r.channel,
          messageId: r.messageId,
          userId: r.userId,
          kind: r.kind,
          text: r.text,
          displayName: r.displayName,
          sentAt: r.sentAt,
          receivedAt: r.receivedAt,
          state: 'pending',
          commune: r.commune ?? null,
          claims: 0,
        });
        return toRecord(doc.toObject());
      } catch (err) {
        if (isDuplicateKey(err)) return null;
        throw err;
      }
    },
    // Heads of citizens' queues only, oldest first: unfinished messages are read in claim order, page by
    // page, and each citizen's first one is their head (one query per page instead of one per message,
    // which matters on FerretDB where every query scans). A head being processed by a live claim blocks its
    // citizen. The claim log picks the one winner of each message; the conditional findOneAndUpdate then
    // records it (and on MongoDB is itself atomic, a second line of defence).
    claimNext: async (owner, staleMs) => {
      const now = new Date();
      const staleBefore = new Date(now.getTime() - staleMs);
      const met = new Set<string>();
      for (let page = 0; ; page++) {
        const unfinished = await Inbound.find(
          { state: mongoose.trusted({ $in: UNFINISHED }) },
          { claims: 1, channel: 1, userId: 1, state: 1, claimedAt: 1 },
        )
          .sort({ receivedAt: 1, _id: 1 })
          .skip(page * SCAN_PAGE)
          .limit(SCAN_PAGE)
          .lean<Candidate[]>();
        for (const c of unfinished) {
          const citizen = `${c.channel}\u0000${c.userId}`;
          if (met.has(citizen)) continue;
          met.add(citizen);
          const abandoned = c.state === 'pending' || (c.claimedAt !== null && c.claimedAt <= staleBefore);
          if (!abandoned) continue;
          const generation = await claims.take(c._id.toHexString(), c.claims + 1, owner, now, staleBefore);
          if (generation === null) continue;
          const doc = await Inbound.findOneAndUpdate(
            { _id: c._id, claims: mongoose.trusted({ $lt: generation }), ...claimable(staleBefore) },
            { $set: { state: 'processing', owner, claimedAt: now, claims: generation } },
            { returnDocument: 'after' },
          ).lean<InboundDoc>();
          if (doc) return toRecord(doc);
        }
        if (unfinished.length < SCAN_PAGE) return null;
      }
    },
    markDone: async (id) => {
      if (!isObjectIdHex(id)) return;
      await Inbound.updateOne({ _id: id }, { $set: { state: 'done', owner: null } });
      await claims.forget(id);
    },
    countPending: async () => Inbound.countDocuments({ state: mongoose.trusted({ $in: UNFINISHED }) }),
    recent: async (channel, userId, limit) =>
      (
        await Inbound.find({ channel, userId })
          .sort({ receivedAt: -1, _id: -1 })
          .limit(limit)
          .lean<InboundDoc[]>()
      )
        .reverse()
        .map(toRecord),
    claimOwners: async () =>
      (await Inbound.distinct('owner', { state: 'processing' })).filter(
        (o): o is string => typeof o === 'string',
      ),
    release: async (owners) => {
      const r = await Inbound.updateMany(
        { state: 'processing', owner: mongoose.trusted({ $in: owners }) },
        { $set: { state: 'pending', owner: null } },
      );
      await claims.forgetOwners(owners);
      return r.modifiedCount;
    },
  };
}
