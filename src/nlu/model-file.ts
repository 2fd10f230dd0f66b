// Trained classifiers kept on disk by content key, so a restart, a CLI command or another test
// process with the same training data loads in milliseconds instead of training for tens of
// seconds. An optimisation only: a missing, unreadable or corrupt file means "train again".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Files kept, most recently used first (a model is two files of a few MB each). */
const KEEP = 24;

export function modelCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.MODEL_CACHE_DIR === '') return null;
  return env.MODEL_CACHE_DIR ?? path.join(os.tmpdir(), 'motcua-models');
}

export function readModelFile(dir: string | null, key: string): Buffer | null {
  if (!dir) return null;
  try {
    const file = path.join(dir, `${key}.bin`);
    const data = fs.readFileSync(file);
    // Used now: pruning keeps the models in use (the files' model) over one-off retrains.
    const now = new Date();
    fs.utimesSync(file, now, now);
    return data;
  } catch {
    return null;
  }
}

export function writeModelFile(dir: string | null, key: string, data: Buffer): void {
  if (!dir) return;
  try {
    fs.mkdirSync(dir, { recursive: true });
    // Written aside and renamed: a reader never sees half a file, even with several processes.
    const tmp = path.join(dir, `${key}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, path.join(dir, `${key}.bin`));
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.bin'))
      .map((f) => ({ f, t: fs.statSync(path.join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of files.slice(KEEP)) fs.rmSync(path.join(dir, f), { force: true });
  } catch {
    // A read-only or full disk only costs the next start a training run.
  }
}
