import mongoose, { Schema, type Connection } from 'mongoose';
import { ASPECTS, INTENTS } from '../../core/labels';
import type { UnansweredQuestion, UnansweredStore } from '../ports';
import { communeFilter } from './commune-filter';
import { retryOnDuplicate } from './duplicate-key';
import { SCHEMA_OPTIONS } from './schema-options';

const questionSchema = new Schema<UnansweredQuestion>(
  {
    text: { type: String, default: '' },
    normalized: { type: String, required: true },
    intent: { type: String, enum: INTENTS, required: true },
    procedure: { type: String, default: null },
    aspect: { type: String, enum: [...ASPECTS, null], default: null },
    confidence: { type: Number, required: true },
    channel: { type: String, required: true },
    at: { type: Date, required: true },
    commune: { type: String, default: null },
  },
  { ...SCHEMA_OPTIONS, collection: 'unanswered' },
);
questionSchema.index({ normalized: 1, at: 1 });

// Groups are kept up to date on every add (FerretDB v1 has no $group accumulators to compute them later).
// One group per commune and question: the default commune's keep the plain normalized text as _id (as
// every group did before communes), another commune's prefix it with the commune id and a NUL.
interface GroupDoc {
  _id: string;
  /** Absent on groups written before communes existed (the default commune's). */
  commune?: string | null;
  normalized?: string;
  example: string;
  count: number;
  lastAt: Date;
}
const groupSchema = new Schema<GroupDoc>(
  {
    _id: { type: String, required: true },
    commune: { type: String, default: null },
    normalized: { type: String },
    example: { type: String, default: '' },
    count: { type: Number, required: true },
    lastAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'unanswered_groups' },
);
groupSchema.index({ count: -1, lastAt: -1 });

const groupId = (commune: string | null, normalized: string) =>
  commune === null ? normalized : `${commune}\u0000${normalized}`;

export function mongoUnanswered(conn: Connection): UnansweredStore {
  const Questions = conn.model('Unanswered', questionSchema);
  const Groups = conn.model('UnansweredGroup', groupSchema);
  return {
    // Two writes without a transaction (none on FerretDB v1): the group is derived data, so a crash in
    // between costs at most one count.
    add: async (q) => {
      await Questions.create({
        text: q.text,
        normalized: q.normalized,
        intent: q.intent,
        procedure: q.procedure,
        aspect: q.aspect,
        confidence: q.confidence,
        channel: q.channel,
        at: q.at,
        commune: q.commune ?? null,
      });
      const commune = q.commune ?? null;
      await retryOnDuplicate(() =>
        Groups.updateOne(
          { _id: groupId(commune, q.normalized) },
          {
            $inc: { count: 1 },
            $max: { lastAt: q.at },
            $setOnInsert: { example: q.text, commune, normalized: q.normalized },
          },
          { upsert: true },
        ),
      );
    },
    grouped: async (limit, communes) => {
      const docs = await Groups.find(communeFilter(communes))
        .sort({ count: -1, lastAt: -1 })
        .limit(limit)
        .lean<GroupDoc[]>();
      return docs.map((g) => ({
        normalized: g.normalized ?? g._id,
        commune: g.commune ?? null,
        example: g.example,
        count: g.count,
        lastAt: g.lastAt,
      }));
    },
    resolve: async (normalized, communes) => {
      const ids = communes
        ? communes.map((c) => groupId(c, normalized))
        : [
            normalized,
            ...(await Groups.find({ normalized }, { _id: 1 }).lean<GroupDoc[]>()).map((g) => g._id),
          ];
      return (await Groups.deleteMany({ _id: mongoose.trusted({ $in: ids }) })).deletedCount > 0;
    },
  };
}
