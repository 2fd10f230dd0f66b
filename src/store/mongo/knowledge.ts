import { Schema, type Connection } from 'mongoose';
import type { KnowledgeStore, KnowledgeVersion } from '../ports';
import { retryOnDuplicate } from './duplicate-key';
import { SCHEMA_OPTIONS } from './schema-options';

// Content is JSON text so that editor-supplied keys can never act as operators or field paths.
type VersionDoc = Omit<KnowledgeVersion, 'content'> & { content: string };

const schema = new Schema<VersionDoc>(
  {
    key: { type: String, required: true },
    version: { type: Number, required: true, min: 1 },
    content: { type: String, required: true },
    author: { type: String, required: true },
    at: { type: Date, required: true },
    comment: { type: String, default: null },
  },
  { ...SCHEMA_OPTIONS, collection: 'knowledge_versions' },
);
// Two editors publishing at once: the unique index lets exactly one take each number.
schema.index({ key: 1, version: -1 }, { unique: true });

const toVersion = (d: VersionDoc): KnowledgeVersion => ({
  key: d.key,
  version: d.version,
  content: JSON.parse(d.content) as unknown,
  author: d.author,
  at: d.at,
  comment: d.comment ?? null,
});
const PROJECTION = { _id: 0 } as const;
const PUBLISH_ATTEMPTS = 50;

export function mongoKnowledge(conn: Connection): KnowledgeStore {
  const Versions = conn.model('KnowledgeVersion', schema);
  const latest = (key: string) =>
    Versions.findOne({ key }, PROJECTION).sort({ version: -1 }).lean<VersionDoc>();
  return {
    publish: async (v) =>
      retryOnDuplicate(async () => {
        const version = ((await latest(v.key))?.version ?? 0) + 1;
        const doc = {
          key: v.key,
          version,
          content: JSON.stringify(v.content),
          author: v.author,
          at: v.at,
          comment: v.comment,
        };
        await Versions.create(doc);
        return toVersion(doc);
      }, PUBLISH_ATTEMPTS),
    // distinct + one indexed lookup per key: portable to FerretDB v1, which lacks $group accumulators.
    current: async () => {
      const keys = (await Versions.distinct('key')).map(String).sort();
      const docs = await Promise.all(keys.map(latest));
      return docs.filter((d): d is VersionDoc => d !== null).map(toVersion);
    },
    get: async (key, version) => {
      const d = await Versions.findOne({ key, version }, PROJECTION).lean<VersionDoc>();
      return d ? toVersion(d) : null;
    },
    history: async (key, limit) =>
      (await Versions.find({ key }, PROJECTION).sort({ version: -1 }).limit(limit).lean<VersionDoc[]>()).map(
        toVersion,
      ),
    revision: async () => Versions.countDocuments(),
  };
}
