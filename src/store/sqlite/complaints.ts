import type Database from 'better-sqlite3';
import type { ComplaintStore } from '../ports';
import { ms, returnedRow } from './codec';

export function sqliteComplaints(db: Database.Database): ComplaintStore {
  const insert = db.prepare(
    'INSERT INTO complaints (channel, user_id, text, at, commune) VALUES (?, ?, ?, ?, ?) RETURNING id',
  );
  return {
    add: async (c) =>
      String(returnedRow(insert, c.channel, c.userId, c.text, ms(c.at), c.commune ?? null)!.id),
  };
}
