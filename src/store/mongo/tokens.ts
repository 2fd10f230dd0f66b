import mongoose, { Schema, type Connection } from 'mongoose';
import type { TokenPair, TokenStore } from '../ports';
import { SCHEMA_OPTIONS } from './schema-options';

// _id = the token key; the lease fields are absent until a refresh takes the lease.
type TokenDoc = TokenPair & { _id: string; leaseHolder?: string | null; leaseUntil?: Date | null };

const schema = new Schema<TokenDoc>(
  {
    _id: { type: String, required: true },
    accessToken: { type: String, required: true },
    refreshToken: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    leaseHolder: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
  },
  { ...SCHEMA_OPTIONS, collection: 'tokens' },
);

export function mongoTokens(conn: Connection): TokenStore {
  const Tokens = conn.model('Token', schema);
  return {
    get: async (key) => {
      const d = await Tokens.findById(key).lean<TokenDoc>();
      return d ? { accessToken: d.accessToken, refreshToken: d.refreshToken, expiresAt: d.expiresAt } : null;
    },
    put: async (key, pair) => {
      await Tokens.updateOne(
        { _id: key },
        {
          $set: { accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresAt: pair.expiresAt },
        },
        { upsert: true },
      );
    },
    // One conditional update of one document: atomic across every instance on the replica set.
    lease: async (key, holder, now, until) => {
      const r = await Tokens.updateOne(
        {
          _id: key,
          $or: [
            { leaseUntil: null },
            { leaseUntil: mongoose.trusted({ $lte: now }) },
            { leaseHolder: holder },
          ],
        },
        { $set: { leaseHolder: holder, leaseUntil: until } },
      );
      return r.matchedCount === 1;
    },
    release: async (key, holder) => {
      await Tokens.updateOne(
        { _id: key, leaseHolder: holder },
        { $set: { leaseHolder: null, leaseUntil: null } },
      );
    },
  };
}
