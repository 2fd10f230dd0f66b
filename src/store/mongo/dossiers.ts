import mongoose, { Schema, type Connection } from 'mongoose';
import { DOSSIER_STATUSES, type Dossier, type DossierStore } from '../ports';
import { reasonFor } from '../dossier-reason';
import { inserted } from './duplicate-key';
import { SCHEMA_OPTIONS } from './schema-options';

// The receipt code is the _id: FerretDB v1 pushes only _id filters down to its storage and scans the
// collection for any other field, so a status lookup by code stays fast there (on MongoDB it is simply
// the primary key, unique without another index).
type DossierDoc = Omit<Dossier, 'code'> & { _id: string };

const historySchema = new Schema(
  {
    status: { type: String, enum: DOSSIER_STATUSES, required: true },
    at: { type: Date, required: true },
    note: { type: String, default: null },
  },
  { _id: false },
);

const schema = new Schema<DossierDoc>(
  {
    _id: { type: String, required: true, maxlength: 64 },
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

/** Exactly the port's fields, with nulls where a server may have left a field out. */
const toDossier = (d: DossierDoc): Dossier => ({
  code: d._id,
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

/** The stored document's fields other than its _id. */
const fields = (d: Dossier): Omit<DossierDoc, '_id'> => ({
  procedureId: d.procedureId,
  applicantName: d.applicantName,
  phone: d.phone,
  receivedAt: d.receivedAt,
  dueAt: d.dueAt,
  status: d.status,
  reason: d.reason,
  note: d.note,
  history: d.history.map((h) => ({ status: h.status, at: h.at, note: h.note })),
  updatedAt: d.updatedAt,
});

export function mongoDossiers(conn: Connection): DossierStore {
  const Dossiers = conn.model('Dossier', schema);
  return {
    get: async (code) =>
      Dossiers.findById(code)
        .lean<DossierDoc>()
        .then((d) => d && toDossier(d)),
    getMany: async (codes) =>
      (await Dossiers.find({ _id: mongoose.trusted({ $in: codes }) }).lean<DossierDoc[]>()).map(toDossier),
    // Insert first: an import mostly creates, and an insert costs the same however large the collection
    // (an update scans it on FerretDB). A duplicate key means the dossier exists (or another instance
    // created it a moment ago): replace its fields.
    upsert: async (d) => {
      if (await inserted(() => Dossiers.create({ _id: d.code, ...fields(d) }))) return { created: true };
      await Dossiers.updateOne({ _id: d.code }, { $set: fields(d) }, { runValidators: true });
      return { created: false };
    },
    // FerretDB has no multi-document transactions: a batch is applied in one ordered bulk write, and a
    // re-run of the same batch is harmless (each replacement is the whole dossier).
    upsertMany: async (ds) => {
      if (ds.length === 0) return;
      await Dossiers.bulkWrite(
        ds.map((d) => ({
          replaceOne: { filter: { _id: d.code }, replacement: { _id: d.code, ...fields(d) }, upsert: true },
        })),
      );
    },
    // One document holds the status and its history, so a single update changes both atomically.
    setStatus: async (code, status, note, at) =>
      Dossiers.findOneAndUpdate(
        { _id: code },
        {
          $set: { status, reason: reasonFor(status, note), updatedAt: at },
          $push: { history: { status, at, note } },
        },
        { returnDocument: 'after', runValidators: true },
      )
        .lean<DossierDoc>()
        .then((d) => d && toDossier(d)),
    count: async () => Dossiers.countDocuments(),
  };
}
