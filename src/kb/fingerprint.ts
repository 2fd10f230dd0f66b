// A cheap signature of the knowledge/ files (names, sizes, modification times): polling it notices edits
// made on disk on any platform, without a file watcher.
import fs from 'node:fs';
import path from 'node:path';

export function filesFingerprint(dir: string): string {
  const procDir = path.join(dir, 'procedures');
  const names = [
    'commune.yaml',
    ...(fs.existsSync(procDir)
      ? fs
          .readdirSync(procDir)
          .sort()
          .map((f) => path.join('procedures', f))
      : []),
  ];
  return names
    .map((n) => {
      try {
        const st = fs.statSync(path.join(dir, n));
        return `${n}:${st.size}:${st.mtimeMs}`;
      } catch {
        return `${n}:-`;
      }
    })
    .join('|');
}
