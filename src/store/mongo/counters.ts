import mongoose, { Schema, type Connection } from 'mongoose';
import { KeyedSerial } from '../../core/keyed-serial';
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

/**
 * Increments of one key, one after another within this process. MongoDB's find-and-modify is atomic on its
 * own; FerretDB v1 runs it as a read then a write, so on FerretDB only increments from one process are
 * exact (several instances may undercount a little, which loosens a limit but never blocks anyone wrongly).
 */
const serial = new KeyedSerial();

export function mongoCounters(conn: Connection): CounterStore {
  const Counters = conn.model('Counter', schema);
  const live = (key: string, now: Date) => ({ _id: key, expiresAt: mongoose.trusted({ $gt: now }) });
  return {
    // $inc on one document is atomic everywhere (FerretDB included); an expired counter is removed and
    // re-created by a unique insert, so of two instances racing to start it one inserts, one increments.
    increment: (key, now, expiresAt) =>
      serial.run(key, async () => {
        for (let attempt = 1; ; attempt++) {
          // The count comes back from the same atomic find-and-modify: a separate read would see other
          // instances' increments too.
          const doc = await Counters.findOneAndUpdate(
            live(key, now),
            { $inc: { count: 1 }, $set: { lastAt: now, expiresAt } },
            { new: true },
          ).lean<CounterDoc>();
          if (doc) return doc.count;
          await Counters.deleteOne({ _id: key, expiresAt: mongoose.trusted({ $lte: now }) });
          if (await inserted(() => Counters.create({ _id: key, count: 1, lastAt: now, expiresAt }))) return 1;
          if (attempt >= ATTEMPTS) throw new Error('counter: could not start a counter (contention)');
        }
      }),
    peek: async (key, now) => {
      const doc = await Counters.findOne(live(key, now)).lean<CounterDoc>();
      return doc ? { count: doc.count, lastAt: doc.lastAt } : null;
    },
    delete: async (key) => {
      await Counters.deleteOne({ _id: key });
    },
    purgeExpired: async (now) =>
      (await Counters.deleteMany({ expiresAt: mongoose.trusted({ $lte: now }) })).deletedCount,
  };
}
