import { Schema, type Connection } from 'mongoose';
import type { TokenPair, TokenStore } from '../ports';
import { inserted } from './duplicate-key';
import { SCHEMA_OPTIONS } from './schema-options';

type TokenDoc = TokenPair & { _id: string }; // _id = the token key

const schema = new Schema<TokenDoc>(
  {
    _id: { type: String, required: true },
    accessToken: { type: String, required: true },
    refreshToken: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'tokens' },
);

// The refresh lease of a pair: _id = the token key while held. A unique _id insert is the one write that is
// atomic on every MongoDB-wire server (FerretDB v1 runs a conditional update as a read then a write), so a
// lease is taken by inserting it, and an expired one is taken over by inserting a marker named after it
// ("<key>@<holder>@<until>": one per takeover, which only happens when a holder died or overran).
interface LeaseDoc {
  _id: string;
  holder: string;
  until: Date;
}
const leaseSchema = new Schema<LeaseDoc>(
  {
    _id: { type: String, required: true },
    holder: { type: String, required: true },
    until: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'token_leases' },
);

export function mongoTokens(conn: Connection): TokenStore {
  const Tokens = conn.model('Token', schema);
  const Leases = conn.model('TokenLease', leaseSchema);
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
    lease: async (key, holder, now, until) => {
      if ((await Tokens.exists({ _id: key })) === null) return false;
      if (await inserted(() => Leases.create({ _id: key, holder, until }))) return true;
      const cur = await Leases.findById(key).lean<LeaseDoc>();
      // Released a moment ago: whoever inserts first has it.
      if (!cur) return inserted(() => Leases.create({ _id: key, holder, until }));
      if (cur.holder === holder) {
        await Leases.updateOne({ _id: key, holder }, { $set: { until } });
        return true;
      }
      if (cur.until > now) return false;
      const marker = `${key}@${cur.holder}@${cur.until.getTime()}`;
      if (!(await inserted(() => Leases.create({ _id: marker, holder, until })))) return false;
      await Leases.updateOne({ _id: key }, { $set: { holder, until } });
      return true;
    },
    release: async (key, holder) => {
      await Leases.deleteOne({ _id: key, holder });
    },
  };
}
