import { Schema, type Connection } from 'mongoose';
import type { ComplaintStore } from '../ports';
import { SCHEMA_OPTIONS } from './schema-options';

const schema = new Schema(
  {
    channel: { type: String, required: true },
    userId: { type: String, required: true },
    text: { type: String, default: '' },
    at: { type: Date, required: true },
    commune: { type: String, default: null },
  },
  { ...SCHEMA_OPTIONS, collection: 'complaints' },
);

export function mongoComplaints(conn: Connection): ComplaintStore {
  const Complaints = conn.model('Complaint', schema);
  return {
    add: async (c) =>
      (
        await Complaints.create({
          channel: c.channel,
          userId: c.userId,
          text: c.text,
          at: c.at,
          commune: c.commune ?? null,
        })
      )._id.toHexString(),
  };
}
