import { Schema, type Connection } from 'mongoose';
import type { ConversationStore } from '../ports';
import { SCHEMA_OPTIONS } from './schema-options';

// State is stored as JSON text: it is opaque to the store, and its keys (which may contain "." or "$")
// must never be interpreted as field paths or operators.
interface ConversationDoc {
  _id: string;
  state: string;
  updatedAt: Date;
}

const schema = new Schema<ConversationDoc>(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'conversations' },
);

export function mongoConversations(conn: Connection): ConversationStore {
  const Conversations = conn.model('Conversation', schema);
  return {
    load: async (id) => {
      const doc = await Conversations.findById(id, { state: 1 }).lean<ConversationDoc>();
      return doc ? (JSON.parse(doc.state) as unknown) : null;
    },
    save: async (id, state) => {
      await Conversations.updateOne(
        { _id: id },
        { $set: { state: JSON.stringify(state), updatedAt: new Date() } },
        { upsert: true },
      );
    },
  };
}
