import type Database from 'better-sqlite3';
import type { ImportCounts, ImportJob, ImportJobState, ImportJobStore } from '../ports';
import { ms, toDate } from './codec';

interface JobRow {
  id: number;
  file: string;
  actor: string;
  state: ImportJobState;
  counts: string;
  in_flight: string;
  error: string | null;
  started_at: number;
  updated_at: number;
}

const toJob = (r: JobRow): ImportJob => ({
  id: String(r.id),
  file: r.file,
  actor: r.actor,
  state: r.state,
  counts: JSON.parse(r.counts) as ImportCounts,
  inFlight: JSON.parse(r.in_flight) as string[],
  error: r.error,
  startedAt: toDate(r.started_at),
  updatedAt: toDate(r.updated_at),
});

export function sqliteImportJobs(db: Database.Database): ImportJobStore {
  const insert = db.prepare(`
    INSERT INTO import_jobs (file, actor, state, counts, in_flight, error, started_at, updated_at)
    VALUES (@file, @actor, @state, @counts, @inFlight, @error, @startedAt, @at)`);
  const one = db.prepare('SELECT * FROM import_jobs WHERE id = ?');
  const list = db.prepare('SELECT * FROM import_jobs ORDER BY id DESC LIMIT ?');
  const stale = db.prepare("SELECT * FROM import_jobs WHERE state = 'running' AND updated_at < ?");
  const save = db.prepare(
    'UPDATE import_jobs SET state = @state, counts = @counts, in_flight = @inFlight, error = @error, updated_at = @at WHERE id = @id',
  );
  const row = (id: string) => one.get(id) as JobRow | undefined;

  const create = db.transaction((j: Omit<ImportJob, 'id' | 'updatedAt'>, at: number): ImportJob => {
    const { lastInsertRowid } = insert.run({
      file: j.file,
      actor: j.actor,
      state: j.state,
      counts: JSON.stringify(j.counts),
      inFlight: JSON.stringify(j.inFlight),
      error: j.error,
      startedAt: ms(j.startedAt),
      at,
    });
    return toJob(row(String(lastInsertRowid))!);
  });
  const update = db.transaction(
    (id: string, patch: Parameters<ImportJobStore['update']>[1], at: number): ImportJob | null => {
      const found = row(id);
      if (!found) return null;
      const next = { ...toJob(found), ...patch };
      save.run({
        id,
        state: next.state,
        counts: JSON.stringify(next.counts),
        inFlight: JSON.stringify(next.inFlight),
        error: next.error,
        at,
      });
      return toJob(row(id)!);
    },
  );
  const interrupt = db.transaction((before: number, at: number): ImportJob[] =>
    (stale.all(before) as JobRow[]).map((r) => update(String(r.id), { state: 'interrupted' }, at)!),
  );
  return {
    create: async (j, at) => create.immediate(j, ms(at)),
    update: async (id, patch, at) => update.immediate(id, patch, ms(at)),
    get: async (id) => {
      const r = row(id);
      return r ? toJob(r) : null;
    },
    list: async (limit) => (list.all(limit) as JobRow[]).map(toJob),
    interruptStale: async (before, at) => interrupt.immediate(ms(before), ms(at)),
  };
}
