import mongoose, { Schema, type Connection, type Types } from 'mongoose';
import type { InboundRecord, InboundStore } from '../ports';
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
schema.index({ channel: 1, userId: 1, receivedAt: -1 });

const CANDIDATES_PER_ROUND = 20;

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
});

export function mongoInbound(conn: Connection): InboundStore {
  const Inbound = conn.model('Inbound', schema);
  const claims = claimLog(conn, 'inbound_claims');
  const claimable = (staleBefore: Date) => ({
    $or: [{ state: 'pending' as const }, { state: 'processing' as const, claimedAt: mongoose.trusted({ $lte: staleBefore }) }],
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
          claims: 0,
        });
        return toRecord(doc.toObject());
      } catch (err) {
        if (isDuplicateKey(err)) return null;
        throw err;
      }
    },
    // Oldest claimable first. The claim log picks the one winner of each message; the conditional
    // findOneAndUpdate then records it (and on MongoDB is itself atomic, a second line of defence).
    claimNext: async (owner, staleMs) => {
      const now = new Date();
      const staleBefore = new Date(now.getTime() - staleMs);
      const lost: Types.ObjectId[] = [];
      for (;;) {
        const candidates = await Inbound.find({ ...claimable(staleBefore), _id: mongoose.trusted({ $nin: lost }) }, { claims: 1 })
          .sort({ receivedAt: 1, _id: 1 })
          .limit(CANDIDATES_PER_ROUND)
          .lean<Array<Pick<InboundDoc, '_id' | 'claims'>>>();
        if (candidates.length === 0) return null;
        for (const c of candidates) {
          const generation = await claims.take(c._id.toHexString(), c.claims + 1, owner, now, staleBefore);
          if (generation !== null) {
            const doc = await Inbound.findOneAndUpdate(
              { _id: c._id, claims: mongoose.trusted({ $lt: generation }), ...claimable(staleBefore) },
              { $set: { state: 'processing', owner, claimedAt: now, claims: generation } },
              { returnDocument: 'after' },
            ).lean<InboundDoc>();
            if (doc) return toRecord(doc);
          }
          lost.push(c._id);
        }
      }
    },
    markDone: async (id) => {
      if (!isObjectIdHex(id)) return;
      await Inbound.updateOne({ _id: id }, { $set: { state: 'done', owner: null } });
      await claims.forget(id);
    },
    countPending: async () => Inbound.countDocuments({ state: mongoose.trusted({ $in: ['pending', 'processing'] }) }),
    recent: async (channel, userId, limit) =>
      (await Inbound.find({ channel, userId }).sort({ receivedAt: -1, _id: -1 }).limit(limit).lean<InboundDoc[]>()).reverse().map(toRecord),
  };
}
