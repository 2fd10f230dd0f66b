import { Schema, type Connection } from 'mongoose';
import { DOSSIER_STATUSES, type Dossier, type DossierStore } from '../ports';
import { reasonFor } from '../dossier-reason';
import { retryOnDuplicate } from './duplicate-key';
import { SCHEMA_OPTIONS } from './schema-options';

const historySchema = new Schema(
  {
    status: { type: String, enum: DOSSIER_STATUSES, required: true },
    at: { type: Date, required: true },
    note: { type: String, default: null },
  },
  { _id: false },
);

const schema = new Schema<Dossier>(
  {
    code: { type: String, required: true, maxlength: 64 },
    procedureId: { type: String, required: true },
    applicantName: { type: String, required: true },
    phone: { type: String, default: null },
    receivedAt: { type: Date, required: true },
    dueAt: { type: Date, required: true },
    status: { type: String, enum: DOSSIER_STATUSES, required: true },
    reason: { type: String, default: null },
    note: { type: String, default: null },
    history: { type: [historySchema], default: [] },
    updatedAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'dossiers' },
);
schema.index({ code: 1 }, { unique: true });

/** Exactly the port's fields (no _id), with nulls where a server may have left a field out. */
const toDossier = (d: Dossier): Dossier => ({
  code: d.code,
  procedureId: d.procedureId,
  applicantName: d.applicantName,
  phone: d.phone ?? null,
  receivedAt: d.receivedAt,
  dueAt: d.dueAt,
  status: d.status,
  reason: d.reason ?? null,
  note: d.note ?? null,
  history: (d.history ?? []).map((h) => ({ status: h.status, at: h.at, note: h.note ?? null })),
  updatedAt: d.updatedAt,
});

export function mongoDossiers(conn: Connection): DossierStore {
  const Dossiers = conn.model('Dossier', schema);
  return {
    get: async (code) => Dossiers.findOne({ code }).lean<Dossier>().then((d) => d && toDossier(d)),
    upsert: async (d) => {
      const res = await retryOnDuplicate(() =>
        Dossiers.updateOne({ code: d.code }, { $set: toDossier(d) }, { upsert: true, runValidators: true }),
      );
      return { created: res.upsertedCount === 1 };
    },
    // One document holds the status and its history, so a single update changes both atomically.
    setStatus: async (code, status, note, at) =>
      Dossiers.findOneAndUpdate(
        { code },
        { $set: { status, reason: reasonFor(status, note), updatedAt: at }, $push: { history: { status, at, note } } },
        { returnDocument: 'after', runValidators: true },
      )
        .lean<Dossier>()
        .then((d) => d && toDossier(d)),
    count: async () => Dossiers.countDocuments(),
  };
}
