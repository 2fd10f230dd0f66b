import mongoose, { Schema, type Connection } from 'mongoose';
import type { ContactStore } from '../ports';
import { retryOnDuplicate } from './duplicate-key';
import { SCHEMA_OPTIONS } from './schema-options';

interface ContactDoc {
  channel: string;
  userId: string;
  lastInboundAt: Date;
  displayName: string | null;
  commune: string | null;
}

const schema = new Schema<ContactDoc>(
  {
    channel: { type: String, required: true },
    userId: { type: String, required: true },
    lastInboundAt: { type: Date, required: true },
    displayName: { type: String, default: null },
    commune: { type: String, default: null },
  },
  { ...SCHEMA_OPTIONS, collection: 'contacts' },
);
schema.index({ channel: 1, userId: 1 }, { unique: true });

export function mongoContacts(conn: Connection): ContactStore {
  const Contacts = conn.model('Contact', schema);
  return {
    // $max: a late-arriving older message must not move the window back; a null name keeps a known one.
    // The commune follows the latest message: set when this one is not older than the stored time.
    touch: async (channel, userId, at, displayName, commune) => {
      await retryOnDuplicate(() =>
        Contacts.updateOne(
          { channel, userId },
          { $max: { lastInboundAt: at }, ...(displayName === null ? {} : { $set: { displayName } }) },
          { upsert: true },
        ),
      );
      await Contacts.updateOne(
        { channel, userId, lastInboundAt: mongoose.trusted({ $lte: at }) },
        { $set: { commune: commune ?? null } },
      );
    },
    lastInboundAt: async (channel, userId) => {
      const d = await Contacts.findOne({ channel, userId }, { lastInboundAt: 1 }).lean<ContactDoc>();
      return d ? d.lastInboundAt : null;
    },
  };
}
