import fs from 'node:fs';
import path from 'node:path';

/** The repo root: the nearest folder above this file holding package.json (works from src/ and dist/). */
function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`motcua: cannot find the project root above ${start}`);
    dir = up;
  }
  return dir;
}

export const ROOT = findRoot(__dirname);
export const KNOWLEDGE_DIR = path.join(ROOT, 'knowledge');
export const INTENTS_DIR = path.join(ROOT, 'intents');
