import { Schema, type Types, type Connection } from 'mongoose';
import mongoose from 'mongoose';
import { IMPORT_JOB_STATES, type ImportJob, type ImportJobStore } from '../ports';
import { claimLog } from './claim-log';
import { isObjectIdHex } from './object-id';
import { SCHEMA_OPTIONS } from './schema-options';

type JobDoc = Omit<ImportJob, 'id'> & { _id: Types.ObjectId };

const countsSchema = new Schema(
  Object.fromEntries(
    ['total', 'done', 'created', 'updated', 'unchanged', 'rejected', 'notified'].map((k) => [
      k,
      { type: Number, required: true },
    ]),
  ),
  { _id: false },
);
const schema = new Schema<JobDoc>(
  {
    file: { type: String, required: true },
    actor: { type: String, required: true },
    state: { type: String, enum: IMPORT_JOB_STATES, required: true },
    counts: { type: countsSchema, required: true },
    inFlight: { type: [String], default: [] },
    error: { type: String, default: null },
    startedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'import_jobs' },
);
schema.index({ state: 1, updatedAt: 1 });

const toJob = (d: JobDoc): ImportJob => ({
  id: d._id.toHexString(),
  file: d.file,
  actor: d.actor,
  state: d.state,
  counts: {
    total: d.counts.total,
    done: d.counts.done,
    created: d.counts.created,
    updated: d.counts.updated,
    unchanged: d.counts.unchanged,
    rejected: d.counts.rejected,
    notified: d.counts.notified,
  },
  inFlight: [...(d.inFlight ?? [])],
  error: d.error ?? null,
  startedAt: d.startedAt,
  updatedAt: d.updatedAt,
});

export function mongoImportJobs(conn: Connection): ImportJobStore {
  const Jobs = conn.model('ImportJob', schema);
  // FerretDB v1 runs find-and-modify as a read then a write; a unique insert decides who recovers a job.
  const recoveries = claimLog(conn, 'import_job_recoveries');
  const update: ImportJobStore['update'] = async (id, patch, at) => {
    if (!isObjectIdHex(id)) return null;
    const set = Object.fromEntries(
      Object.entries({ ...patch, updatedAt: at }).filter(([, v]) => v !== undefined),
    );
    const doc = await Jobs.findOneAndUpdate(
      { _id: id },
      { $set: set },
      { returnDocument: 'after', runValidators: true },
    ).lean<JobDoc>();
    return doc ? toJob(doc) : null;
  };
  return {
    create: async (j, at) => toJob((await Jobs.create({ ...j, updatedAt: at })).toObject()),
    update,
    get: async (id) =>
      isObjectIdHex(id)
        ? Jobs.findById(id)
            .lean<JobDoc>()
            .then((d) => d && toJob(d))
        : null,
    list: async (limit) =>
      (await Jobs.find({}).sort({ startedAt: -1, _id: -1 }).limit(limit).lean<JobDoc[]>()).map(toJob),
    // Only the instance whose conditional update matched reports a job, so two instances starting at once
    // do not both recover it.
    interruptStale: async (before, at) => {
      const stale = await Jobs.find({ state: 'running', updatedAt: mongoose.trusted({ $lt: before }) }).lean<
        JobDoc[]
      >();
      const out: ImportJob[] = [];
      for (const j of stale) {
        // Generation 1 of "recover job j" can be taken by one instance only, on any MongoDB-wire server.
        if ((await recoveries.take(j._id.toHexString(), 1, 'recovery', at, at)) !== 1) continue;
        const r = await Jobs.updateOne(
          { _id: j._id, state: 'running' },
          { $set: { state: 'interrupted', updatedAt: at } },
        );
        if (r.modifiedCount === 1) out.push({ ...toJob(j), state: 'interrupted', updatedAt: at });
      }
      return out;
    },
  };
}
