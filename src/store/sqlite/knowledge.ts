import type Database from 'better-sqlite3';
import type { KnowledgeStore, KnowledgeVersion } from '../ports';
import { ms, toDate, returnedRow } from './codec';

// A type, not an interface: a `Row` (string-keyed record) converts to it.
type VersionRow = {
  key: string;
  version: number;
  content: string;
  author: string;
  at: number;
  comment: string | null;
};

const toVersion = (r: VersionRow): KnowledgeVersion => ({
  key: r.key,
  version: r.version,
  content: JSON.parse(r.content) as unknown,
  author: r.author,
  at: toDate(r.at),
  comment: r.comment,
});

export function sqliteKnowledge(db: Database.Database): KnowledgeStore {
  const insert = db.prepare(`
    INSERT INTO knowledge_versions (key, version, content, author, at, comment)
    VALUES (@key, (SELECT COALESCE(MAX(version), 0) + 1 FROM knowledge_versions WHERE key = @key), @content, @author, @at, @comment)
    RETURNING key, version, content, author, at, comment`);
  const current = db.prepare(`
    SELECT key, version, content, author, at, comment FROM knowledge_versions k
    WHERE version = (SELECT MAX(version) FROM knowledge_versions WHERE key = k.key)
    ORDER BY key`);
  const one = db.prepare(
    'SELECT key, version, content, author, at, comment FROM knowledge_versions WHERE key = ? AND version = ?',
  );
  const history = db.prepare(
    'SELECT key, version, content, author, at, comment FROM knowledge_versions WHERE key = ? ORDER BY version DESC LIMIT ?',
  );
  const revision = db.prepare('SELECT COUNT(*) AS n FROM knowledge_versions');
  return {
    // One INSERT … SELECT statement: the next number is computed under the write lock.
    publish: async (v) =>
      toVersion(
        returnedRow(insert, {
          key: v.key,
          content: JSON.stringify(v.content),
          author: v.author,
          at: ms(v.at),
          comment: v.comment,
        })! as VersionRow,
      ),
    current: async () => (current.all() as VersionRow[]).map(toVersion),
    get: async (key, version) => {
      const row = one.get(key, version) as VersionRow | undefined;
      return row ? toVersion(row) : null;
    },
    history: async (key, limit) => (history.all(key, limit) as VersionRow[]).map(toVersion),
    revision: async () => (revision.get() as { n: number }).n,
  };
}
