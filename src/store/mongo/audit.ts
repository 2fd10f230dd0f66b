import mongoose, { Schema, type Connection, type Types } from 'mongoose';
import type { AuditEntry, AuditStore } from '../ports';
import { SCHEMA_OPTIONS } from './schema-options';

// Snapshots are JSON text: a form value such as {"$set": …} stays data and never becomes an update operator.
interface AuditDoc {
  _id: Types.ObjectId;
  at: Date;
  actor: string;
  action: string;
  target: string;
  before: string;
  after: string;
}

const schema = new Schema<AuditDoc>(
  {
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    action: { type: String, required: true },
    target: { type: String, required: true },
    before: { type: String, required: true },
    after: { type: String, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'audit' },
);
schema.index({ at: -1 });
schema.index({ actor: 1, at: -1 });
schema.index({ target: 1, at: -1 });

export function mongoAudit(conn: Connection): AuditStore {
  const Audit = conn.model('Audit', schema);
  return {
    append: async (e) => {
      const doc = await Audit.create({
        at: e.at,
        actor: e.actor,
        action: e.action,
        target: e.target,
        before: JSON.stringify(e.before),
        after: JSON.stringify(e.after),
      });
      return doc._id.toHexString();
    },
    list: async (filter, limit) => {
      const range = {
        ...(filter.from ? { $gte: filter.from } : {}),
        ...(filter.to ? { $lt: filter.to } : {}),
      };
      const docs = await Audit.find({
        ...(filter.actor === undefined ? {} : { actor: filter.actor }),
        ...(filter.target === undefined ? {} : { target: filter.target }),
        ...(Object.keys(range).length ? { at: mongoose.trusted(range) } : {}),
      })
        .sort({ at: -1, _id: -1 })
        .limit(limit)
        .lean<AuditDoc[]>();
      return docs.map((d): AuditEntry => ({
        id: d._id.toHexString(),
        at: d.at,
        actor: d.actor,
        action: d.action,
        target: d.target,
        before: JSON.parse(d.before) as unknown,
        after: JSON.parse(d.after) as unknown,
      }));
    },
  };
}
