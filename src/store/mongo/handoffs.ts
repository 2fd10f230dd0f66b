import mongoose, { Schema, Types, type Connection } from 'mongoose';
import type { ChannelName } from '../../core/message';
import {
  HANDOFF_REASONS,
  HANDOFF_STATES,
  type Handoff,
  type HandoffFilter,
  type HandoffStore,
} from '../ports';
import { communeFilter } from './commune-filter';
import { inserted } from './duplicate-key';
import { isObjectIdHex } from './object-id';
import { SCHEMA_OPTIONS } from './schema-options';

export type HandoffDoc = Omit<Handoff, 'id'> & { _id: Types.ObjectId };

const schema = new Schema<HandoffDoc>(
  {
    channel: { type: String, required: true },
    userId: { type: String, required: true },
    displayName: { type: String, default: null },
    reason: { type: String, enum: HANDOFF_REASONS, required: true },
    state: { type: String, enum: HANDOFF_STATES, required: true },
    openedAt: { type: Date, required: true },
    takenBy: { type: String, default: null },
    takenAt: { type: Date, default: null },
    lastStaffAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    closedBy: { type: String, default: null },
    commune: { type: String, default: null },
  },
  { ...SCHEMA_OPTIONS, collection: 'handoffs' },
);
schema.index({ state: 1, openedAt: 1 });
schema.index({ openedAt: 1 });

// A unique _id insert is atomic on every MongoDB-wire server (FerretDB v1 runs findOneAndUpdate as a
// read then a write): "open:<conversation>" marks the one open request, "take:<id>" the one taker.
interface LockDoc {
  _id: string;
  handoff: string;
}
const lockSchema = new Schema<LockDoc>(
  { _id: { type: String, required: true }, handoff: { type: String, required: true } },
  { ...SCHEMA_OPTIONS, collection: 'handoff_locks' },
);

export const openKey = (channel: ChannelName, userId: string) => `open:${channel}\u0000${userId}`;
const OPEN_ATTEMPTS = 5;

export const toHandoff = (d: HandoffDoc): Handoff => ({
  id: d._id.toHexString(),
  channel: d.channel,
  userId: d.userId,
  displayName: d.displayName ?? null,
  reason: d.reason,
  state: d.state,
  openedAt: d.openedAt,
  takenBy: d.takenBy ?? null,
  takenAt: d.takenAt ?? null,
  lastStaffAt: d.lastStaffAt ?? null,
  closedAt: d.closedAt ?? null,
  closedBy: d.closedBy ?? null,
  commune: d.commune ?? null,
});

export function mongoHandoffs(conn: Connection): HandoffStore {
  const Handoffs = conn.model('Handoff', schema);
  const Locks = conn.model('HandoffLock', lockSchema);
  const byId = async (id: string) => (isObjectIdHex(id) ? Handoffs.findById(id).lean<HandoffDoc>() : null);

  /** The open request the lock points at; a lock left on a closed request is cleared. */
  const active = async (channel: ChannelName, userId: string): Promise<HandoffDoc | null> => {
    const lock = await Locks.findById(openKey(channel, userId)).lean<LockDoc>();
    if (!lock) return null;
    const doc = await byId(lock.handoff);
    if (doc && doc.state !== 'closed') return doc;
    await Locks.deleteOne({ _id: lock._id, handoff: lock.handoff });
    return null;
  };

  const query = (filter: HandoffFilter) => {
    const range = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    return {
      ...(filter.state === undefined ? {} : { state: filter.state }),
      ...(Object.keys(range).length ? { openedAt: mongoose.trusted(range) } : {}),
      ...(filter.channels ? { channel: mongoose.trusted({ $in: filter.channels }) } : {}),
      ...communeFilter(filter.communes),
    };
  };

  return {
    // The request is written before its lock, so a lock always points at an existing request; the loser
    // of a race removes its own request and returns the winner's.
    open: async (r, at) => {
      for (let attempt = 1; ; attempt++) {
        const found = await active(r.channel, r.userId);
        if (found) return { handoff: toHandoff(found), created: false };
        const doc: HandoffDoc = {
          _id: new Types.ObjectId(),
          channel: r.channel,
          userId: r.userId,
          displayName: r.displayName,
          reason: r.reason,
          state: 'waiting',
          openedAt: at,
          takenBy: null,
          takenAt: null,
          lastStaffAt: null,
          closedAt: null,
          closedBy: null,
          commune: r.commune ?? null,
        };
        await Handoffs.create(doc);
        if (
          await inserted(() =>
            Locks.create({ _id: openKey(r.channel, r.userId), handoff: doc._id.toHexString() }),
          )
        ) {
          return { handoff: toHandoff(doc), created: true };
        }
        await Handoffs.deleteOne({ _id: doc._id });
        if (attempt >= OPEN_ATTEMPTS) throw new Error('hand-off: could not open a request (lock contention)');
      }
    },
    active: async (channel, userId) => {
      const doc = await active(channel, userId);
      return doc ? toHandoff(doc) : null;
    },
    get: async (id) => {
      const doc = await byId(id);
      return doc ? toHandoff(doc) : null;
    },
    list: async (filter, limit, offset = 0) => {
      const docs = await Handoffs.find(query(filter))
        .sort({ openedAt: 1, _id: 1 })
        .skip(offset)
        .limit(limit)
        .lean<HandoffDoc[]>();
      return docs.map(toHandoff);
    },
    count: async (filter) => Handoffs.countDocuments(query(filter)),
    take: async (id, by, at) => {
      const doc = await byId(id);
      if (!doc || doc.state !== 'waiting') return null;
      if (!(await inserted(() => Locks.create({ _id: `take:${id}`, handoff: id })))) return null;
      const taken = await Handoffs.findOneAndUpdate(
        { _id: doc._id, state: 'waiting' },
        { $set: { state: 'taken', takenBy: by, takenAt: at, lastStaffAt: at } },
        { returnDocument: 'after' },
      ).lean<HandoffDoc>();
      return taken ? toHandoff(taken) : null;
    },
    touch: async (id, at) => {
      if (!isObjectIdHex(id)) return;
      await Handoffs.updateOne({ _id: id, state: 'taken' }, { $max: { lastStaffAt: at } });
    },
    close: async (id, by, at) => {
      if (!isObjectIdHex(id)) return null;
      const doc = await Handoffs.findOneAndUpdate(
        { _id: id, state: mongoose.trusted({ $in: ['waiting', 'taken'] }) },
        { $set: { state: 'closed', closedAt: at, closedBy: by } },
        { returnDocument: 'after' },
      ).lean<HandoffDoc>();
      if (!doc) return null;
      await Locks.deleteOne({ _id: openKey(doc.channel, doc.userId), handoff: id });
      return toHandoff(doc);
    },
  };
}
