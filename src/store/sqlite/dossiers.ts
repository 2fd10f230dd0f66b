import type Database from 'better-sqlite3';
import { dossierSchema, statusChangeSchema } from '../entities/dossier';
import type { Dossier, DossierStatus, DossierStore } from '../ports';
import { reasonFor } from '../dossier-reason';
import { ms } from './codec';
import { columnsOf } from './columns';
import type { Row } from './codec';

// The row holds every field but the history, which has a table of its own (ordered by seq).
const row = columnsOf(dossierSchema.omit({ history: true }).shape);
const change = columnsOf(statusChangeSchema.shape);

export function sqliteDossiers(db: Database.Database): DossierStore {
  const selectOne = db.prepare('SELECT * FROM dossiers WHERE code = ?');
  const selectHistory = db.prepare(
    `SELECT ${change.names.join(', ')} FROM dossier_history WHERE code = ? ORDER BY seq`,
  );
  const upsertRow = db.prepare(`
    INSERT INTO dossiers (${row.names.join(', ')}) VALUES (${row.params.join(', ')})
    ON CONFLICT (code) DO UPDATE SET ${row.names
      .filter((c) => c !== 'code')
      .map((c) => `${c} = excluded.${c}`)
      .join(', ')}`);
  const exists = db.prepare('SELECT 1 FROM dossiers WHERE code = ?');
  const clearHistory = db.prepare('DELETE FROM dossier_history WHERE code = ?');
  const insertHistory = db.prepare(
    `INSERT INTO dossier_history (code, seq, ${change.names.join(', ')})
     VALUES (@code, (SELECT COALESCE(MAX(seq), 0) + 1 FROM dossier_history WHERE code = @code), ${change.params.join(', ')})`,
  );
  const updateStatus = db.prepare(
    'UPDATE dossiers SET status = ?, reason = ?, updated_at = ? WHERE code = ?',
  );
  const countAll = db.prepare('SELECT COUNT(*) AS n FROM dossiers');
  // The agency is the code before its first "-" (the whole code when it has none).
  const byAgency = db.prepare(
    `SELECT CASE WHEN instr(code, '-') > 0 THEN substr(code, 1, instr(code, '-') - 1) ELSE code END AS agency,
       COUNT(*) AS count FROM dossiers
     WHERE status IN (SELECT value FROM json_each(?)) AND due_at < ? GROUP BY agency ORDER BY agency`,
  );

  const read = (code: string): Dossier | null => {
    const found = selectOne.get(code) as Row | undefined;
    if (!found) return null;
    const history = (selectHistory.all(code) as Row[]).map(change.fromRow);
    return { ...row.fromRow(found), history };
  };

  // The row and its history are replaced together or not at all.
  const upsert = db.transaction((d: Dossier): boolean => {
    const created = exists.get(d.code) === undefined;
    upsertRow.run(row.toParams(d));
    clearHistory.run(d.code);
    for (const h of d.history) insertHistory.run({ code: d.code, ...change.toParams(h) });
    return created;
  });

  const upsertMany = db.transaction((ds: Dossier[]) => {
    for (const d of ds) upsert(d);
  });

  const setStatus = db.transaction(
    (code: string, status: DossierStatus, note: string | null, at: Date): boolean => {
      if (updateStatus.run(status, reasonFor(status, note), ms(at), code).changes === 0) return false;
      insertHistory.run({ code, ...change.toParams({ status, at, note }) });
      return true;
    },
  );

  return {
    get: async (code) => read(code),
    getMany: async (codes) => codes.flatMap((code) => read(code) ?? []),
    upsert: async (d) => ({ created: upsert.immediate(d) }),
    upsertMany: async (ds) => upsertMany.immediate(ds),
    setStatus: async (code, status, note, at) =>
      setStatus.immediate(code, status, note, at) ? read(code) : null,
    count: async () => (countAll.get() as { n: number }).n,
    countByAgency: async (f) =>
      byAgency.all(JSON.stringify(f.statuses), ms(f.dueBefore)) as Array<{ agency: string; count: number }>,
  };
}
