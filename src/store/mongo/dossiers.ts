import mongoose, { Schema, type Connection } from 'mongoose';
import { dossierSchema } from '../entities/dossier';
import type { Dossier, DossierStore } from '../ports';
import { reasonFor } from '../dossier-reason';
import { fieldsFor, mongooseDefinition } from './definition';
import { inserted } from './duplicate-key';
import { SCHEMA_OPTIONS } from './schema-options';

// The receipt code is the _id: FerretDB v1 pushes only _id filters down to its storage and scans the
// collection for any other field, so a status lookup by code stays fast there (on MongoDB it is simply
// the primary key, unique without another index).
type DossierDoc = Omit<Dossier, 'code'> & { _id: string };
const stored = dossierSchema.omit({ code: true }).shape;

const schema = new Schema<DossierDoc>(
  { _id: { type: String, required: true, maxlength: 64 }, ...mongooseDefinition(stored) },
  { ...SCHEMA_OPTIONS, collection: 'dossiers' },
);
schema.index({ status: 1, dueAt: 1 });

/** The stored document's fields other than its _id. */
const fields = fieldsFor(stored);
const toDossier = (d: DossierDoc): Dossier => ({ code: d._id, ...fields(d) });

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
    // created it a moment ago): replace the whole document, so an optional field left out is removed.
    upsert: async (d) => {
      const doc = { _id: d.code, ...fields(d) };
      if (await inserted(() => Dossiers.create(doc))) return { created: true };
      await Dossiers.replaceOne({ _id: d.code }, doc, { runValidators: true });
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
    // Only the codes travel (the status/due index picks them); grouping by their prefix is done here.
    countByAgency: async (f) => {
      const counts = new Map<string, number>();
      const codes = Dossiers.find(
        { status: mongoose.trusted({ $in: f.statuses }), dueAt: mongoose.trusted({ $lt: f.dueBefore }) },
        { _id: 1 },
      ).lean<Array<{ _id: string }>>();
      for await (const d of codes.cursor()) {
        const dash = d._id.indexOf('-');
        const agency = dash < 0 ? d._id : d._id.slice(0, dash);
        counts.set(agency, (counts.get(agency) ?? 0) + 1);
      }
      return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([agency, count]) => ({ agency, count }));
    },
  };
}
