import fs from 'node:fs';
import path from 'node:path';

/** The repo root: the nearest folder above this file holding package.json (works from src/ and dist/). */
export function projectRoot(start: string = __dirname): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}
