import { Schema, type Connection } from 'mongoose';
import type { TokenPair, TokenStore } from '../ports';
import { SCHEMA_OPTIONS } from './schema-options';

type TokenDoc = TokenPair & { _id: string }; // _id = channel

const schema = new Schema<TokenDoc>(
  {
    _id: { type: String, required: true },
    accessToken: { type: String, required: true },
    refreshToken: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'tokens' },
);

export function mongoTokens(conn: Connection): TokenStore {
  const Tokens = conn.model('Token', schema);
  return {
    get: async (channel) => {
      const d = await Tokens.findById(channel).lean<TokenDoc>();
      return d ? { accessToken: d.accessToken, refreshToken: d.refreshToken, expiresAt: d.expiresAt } : null;
    },
    put: async (channel, pair) => {
      await Tokens.updateOne(
        { _id: channel },
        {
          $set: { accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresAt: pair.expiresAt },
        },
        { upsert: true },
      );
    },
  };
}
