import mongoose, { Schema, type Connection } from 'mongoose';
import type { SessionStore, StaffSession } from '../ports';
import { SCHEMA_OPTIONS } from './schema-options';

type SessionDoc = Omit<StaffSession, 'id'> & { _id: string };

const schema = new Schema<SessionDoc>(
  {
    _id: { type: String, required: true },
    username: { type: String, required: true },
    csrfToken: { type: String, required: true },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'sessions' },
);
schema.index({ username: 1 });
schema.index({ lastSeenAt: 1 });

export function mongoSessions(conn: Connection): SessionStore {
  const Sessions = conn.model('Session', schema);
  return {
    create: async (s) => {
      await Sessions.create({
        _id: s.id,
        username: s.username,
        csrfToken: s.csrfToken,
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
      });
    },
    get: async (id) => {
      const d = await Sessions.findById(id).lean<SessionDoc>();
      return d
        ? {
            id: d._id,
            username: d.username,
            csrfToken: d.csrfToken,
            createdAt: d.createdAt,
            lastSeenAt: d.lastSeenAt,
          }
        : null;
    },
    touch: async (id, at) => {
      await Sessions.updateOne({ _id: id }, { $max: { lastSeenAt: at } });
    },
    delete: async (id) => {
      await Sessions.deleteOne({ _id: id });
    },
    deleteForUser: async (username) => (await Sessions.deleteMany({ username })).deletedCount,
    deleteIdle: async (before) =>
      (await Sessions.deleteMany({ lastSeenAt: mongoose.trusted({ $lt: before }) })).deletedCount,
  };
}
