// The arbiter of claims on any MongoDB-wire server. On MongoDB, findOneAndUpdate is atomic, but FerretDB
// v1 runs it as a read followed by a write, so two instances can both "win" the same document. A unique
// _id insert is atomic everywhere: claiming generation g of an item means inserting "<item>:<g>" here,
// and exactly one instance succeeds for each generation.
import mongoose, { Schema, type Connection } from 'mongoose';
import { inserted } from './duplicate-key';
import { SCHEMA_OPTIONS } from './schema-options';

interface ClaimDoc {
  _id: string; // `${item}:${generation}`
  item: string;
  owner: string;
  at: Date;
}

export interface ClaimLog {
  /**
   * Take the first free generation from `from` on. Null when another instance holds it with a claim newer
   * than `staleBefore` (it is processing the item). An older claim whose generation never reached the item
   * belongs to an instance that died between the two writes; it is skipped so the item cannot get stuck.
   */
  take(item: string, from: number, owner: string, now: Date, staleBefore: Date): Promise<number | null>;
  /** Drop an item's claims once it is finished. */
  forget(item: string): Promise<void>;
  /** Drop the claims of dead owners (start-up recovery), so their items' next generation is free. */
  forgetOwners(owners: string[]): Promise<void>;
}

export function claimLog(conn: Connection, collection: string): ClaimLog {
  const schema = new Schema<ClaimDoc>(
    {
      _id: { type: String, required: true },
      item: { type: String, required: true },
      owner: { type: String, required: true },
      at: { type: Date, required: true },
    },
    { ...SCHEMA_OPTIONS, collection },
  );
  schema.index({ item: 1 });
  const Claims = conn.model(`Claim_${collection}`, schema);

  return {
    take: async (item, from, owner, now, staleBefore) => {
      for (let generation = from; ; generation++) {
        const _id = `${item}:${generation}`;
        if (await inserted(() => Claims.create({ _id, item, owner, at: now }))) return generation;
        const held = await Claims.findById(_id, { at: 1 }).lean<Pick<ClaimDoc, 'at'>>();
        if (held && held.at.getTime() > staleBefore.getTime()) return null;
      }
    },
    forget: async (item) => {
      await Claims.deleteMany({ item });
    },
    forgetOwners: async (owners) => {
      await Claims.deleteMany({ owner: mongoose.trusted({ $in: owners }) });
    },
  };
}
