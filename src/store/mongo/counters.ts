import mongoose, { Schema, type Connection } from 'mongoose';
import type { CounterStore } from '../ports';
import { inserted } from './duplicate-key';
import { SCHEMA_OPTIONS } from './schema-options';

interface CounterDoc {
  _id: string;
  count: number;
  lastAt: Date;
  expiresAt: Date;
}

const schema = new Schema<CounterDoc>(
  {
    _id: { type: String, required: true },
    count: { type: Number, required: true },
    lastAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'counters' },
);
schema.index({ expiresAt: 1 });

const ATTEMPTS = 5;

export function mongoCounters(conn: Connection): CounterStore {
  const Counters = conn.model('Counter', schema);
  const live = (key: string, now: Date) => ({ _id: key, expiresAt: mongoose.trusted({ $gt: now }) });
  return {
    // $inc on one document is atomic everywhere (FerretDB included); an expired counter is removed and
    // re-created by a unique insert, so of two instances racing to start it one inserts, one increments.
    increment: async (key, now, expiresAt) => {
      for (let attempt = 1; ; attempt++) {
        const r = await Counters.updateOne(live(key, now), { $inc: { count: 1 }, $set: { lastAt: now, expiresAt } });
        if (r.matchedCount === 0) {
          await Counters.deleteOne({ _id: key, expiresAt: mongoose.trusted({ $lte: now }) });
          if (!(await inserted(() => Counters.create({ _id: key, count: 1, lastAt: now, expiresAt })))) {
            if (attempt < ATTEMPTS) continue;
            throw new Error('counter: could not start a counter (contention)');
          }
        }
        const doc = await Counters.findById(key).lean<CounterDoc>();
        return doc?.count ?? 1;
      }
    },
    peek: async (key, now) => {
      const doc = await Counters.findOne(live(key, now)).lean<CounterDoc>();
      return doc ? { count: doc.count, lastAt: doc.lastAt } : null;
    },
    delete: async (key) => {
      await Counters.deleteOne({ _id: key });
    },
    purgeExpired: async (now) => (await Counters.deleteMany({ expiresAt: mongoose.trusted({ $lte: now }) })).deletedCount,
  };
}
