import type Database from 'better-sqlite3';
import type { Dossier, DossierStatus, DossierStore, StatusChange } from '../ports';
import { reasonFor } from '../dossier-reason';
import { ms, toDate } from './codec';

interface DossierRow {
  code: string;
  procedure_id: string;
  applicant_name: string;
  phone: string | null;
  received_at: number;
  due_at: number;
  status: DossierStatus;
  reason: string | null;
  note: string | null;
  updated_at: number;
}
interface HistoryRow {
  status: DossierStatus;
  at: number;
  note: string | null;
}

export function sqliteDossiers(db: Database.Database): DossierStore {
  const selectOne = db.prepare('SELECT * FROM dossiers WHERE code = ?');
  const selectHistory = db.prepare(
    'SELECT status, at, note FROM dossier_history WHERE code = ? ORDER BY seq',
  );
  const upsertRow = db.prepare(`
    INSERT INTO dossiers (code, procedure_id, applicant_name, phone, received_at, due_at, status, reason, note, updated_at)
    VALUES (@code, @procedureId, @applicantName, @phone, @receivedAt, @dueAt, @status, @reason, @note, @updatedAt)
    ON CONFLICT (code) DO UPDATE SET procedure_id = excluded.procedure_id, applicant_name = excluded.applicant_name,
      phone = excluded.phone, received_at = excluded.received_at, due_at = excluded.due_at, status = excluded.status,
      reason = excluded.reason, note = excluded.note, updated_at = excluded.updated_at`);
  const exists = db.prepare('SELECT 1 FROM dossiers WHERE code = ?');
  const clearHistory = db.prepare('DELETE FROM dossier_history WHERE code = ?');
  const insertHistory = db.prepare(
    `INSERT INTO dossier_history (code, seq, status, at, note)
     VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM dossier_history WHERE code = ?), ?, ?, ?)`,
  );
  const updateStatus = db.prepare(
    'UPDATE dossiers SET status = ?, reason = ?, updated_at = ? WHERE code = ?',
  );
  const countAll = db.prepare('SELECT COUNT(*) AS n FROM dossiers');

  const read = (code: string): Dossier | null => {
    const row = selectOne.get(code) as DossierRow | undefined;
    if (!row) return null;
    const history = (selectHistory.all(code) as HistoryRow[]).map((h): StatusChange => ({
      status: h.status,
      at: toDate(h.at),
      note: h.note,
    }));
    return {
      code: row.code,
      procedureId: row.procedure_id,
      applicantName: row.applicant_name,
      phone: row.phone,
      receivedAt: toDate(row.received_at),
      dueAt: toDate(row.due_at),
      status: row.status,
      reason: row.reason,
      note: row.note,
      history,
      updatedAt: toDate(row.updated_at),
    };
  };

  // The row and its history are replaced together or not at all.
  const upsert = db.transaction((d: Dossier): boolean => {
    const created = exists.get(d.code) === undefined;
    upsertRow.run({
      code: d.code,
      procedureId: d.procedureId,
      applicantName: d.applicantName,
      phone: d.phone,
      receivedAt: ms(d.receivedAt),
      dueAt: ms(d.dueAt),
      status: d.status,
      reason: d.reason,
      note: d.note,
      updatedAt: ms(d.updatedAt),
    });
    clearHistory.run(d.code);
    for (const h of d.history) insertHistory.run(d.code, d.code, h.status, ms(h.at), h.note);
    return created;
  });

  const upsertMany = db.transaction((ds: Dossier[]) => {
    for (const d of ds) upsert(d);
  });

  const setStatus = db.transaction(
    (code: string, status: DossierStatus, note: string | null, at: Date): boolean => {
      if (updateStatus.run(status, reasonFor(status, note), ms(at), code).changes === 0) return false;
      insertHistory.run(code, code, status, ms(at), note);
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
  };
}
