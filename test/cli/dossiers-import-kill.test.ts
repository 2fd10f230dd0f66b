// Issue 10, finding 4: `motcua dossiers import` killed (SIGKILL) mid-way leaves no untraced change: its
// job says how far it got and which batch was in flight, recovery audits it, and importing the same file
// again finishes the work.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recoverImports } from '../../src/dossiers/import-recovery';
import { openSqliteStores } from '../../src/store/sqlite';
import { HEADER, codeNo, csv } from '../dossiers/fixtures';
import { ROOT } from '../support/assistant';

const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const ROWS = 20_000;
let dir: string;
let sqlite: string;
let file: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-kill-'));
  sqlite = path.join(dir, 'motcua.sqlite');
  file = path.join(dir, 'export.csv');
  const rows = Array.from({ length: ROWS }, (_, i) => [
    codeNo(i % 10_000, `2511${10 + Math.floor(i / 10_000)}`),
    'khai-sinh',
    `Người Dân ${i}`,
    '',
    '18/11/2025',
    '21/11/2025',
    'Đang xử lý',
    '',
  ]);
  fs.writeFileSync(file, csv([HEADER, ...rows]));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the import; with `killAfter`, SIGKILLs it once that many rows are reported written. */
function runImport(
  killAfter?: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'dossiers', 'import', file], {
      cwd: dir,
      env: { PATH: process.env['PATH'] ?? '', SQLITE_PATH: sqlite, MONGODB_URI: '' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const done = [...stderr.matchAll(/(\d+)\/\d+ rows written/g)].map((m) => Number(m[1]));
      if (killAfter !== undefined && done.some((n) => n >= killAfter)) child.kill('SIGKILL');
    });
    child.stdout.resume();
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

test('killed mid-way: the job traces what was written; recovery audits it; a re-run completes', async () => {
  const killed = await runImport(2_000);
  expect(killed.signal).toBe('SIGKILL');

  const s = openSqliteStores(sqlite);
  try {
    const [job] = await s.imports.list(1);
    expect(job).toMatchObject({ file: 'export.csv', state: 'running', actor: 'cli' });
    if (!job) throw new Error('no import job');
    expect(job.counts.done).toBeGreaterThanOrEqual(2_000);
    expect(job.counts.done).toBeLessThan(ROWS);
    // Every stored dossier is accounted for: the batches recorded done, plus at most the one in flight.
    const stored = await s.dossiers.count();
    expect(stored).toBeGreaterThanOrEqual(job.counts.done);
    expect(stored).toBeLessThanOrEqual(job.counts.done + job.inFlight.length);

    const recovered = await recoverImports({ ...s, notify: async () => 0 }, new Date(Date.now() + 1), 0);
    expect(recovered.map((j) => [j.id, j.state])).toEqual([[job.id, 'interrupted']]);
    const audit = await s.audit.list({ target: 'export.csv' }, 5);
    expect(audit.map((e) => e.action)).toEqual(['dossier.import.interrupted']);
    expect(audit[0]?.after).toMatchObject({ job: job.id, done: job.counts.done, total: ROWS });
  } finally {
    await s.close();
  }

  const again = await runImport();
  expect(again.code).toBe(0);
  const t = openSqliteStores(sqlite);
  try {
    expect(await t.dossiers.count()).toBe(ROWS);
    const [last] = await t.audit.list({ target: 'export.csv' }, 1);
    expect(last).toMatchObject({ action: 'dossier.import', after: { total: ROWS, done: ROWS } });
    expect((last?.after as { created: number; unchanged: number }).unchanged).toBeGreaterThanOrEqual(2_000);
  } finally {
    await t.close();
  }
}, 180_000); // two CLI runs of 20,000 rows on a shared machine
