// A cheap signature of the knowledge/ files (names, sizes, modification times): polling it notices edits
// made on disk on any platform, without a file watcher.
import fs from 'node:fs';
import path from 'node:path';

/** Every file under dir (relative paths, sorted); an absent dir has none. */
function filesUnder(dir: string, rel = ''): string[] {
  const full = path.join(dir, rel);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const name = path.join(rel, e.name);
      return e.isDirectory() ? filesUnder(dir, name) : [name];
    });
}

export function filesFingerprint(dir: string): string {
  const names = [
    'province.yaml',
    // The old single-commune profile: the loader reports it, so its appearance must be noticed.
    'commune.yaml',
    ...filesUnder(dir, 'communes'),
    ...filesUnder(dir, 'procedures'),
    ...filesUnder(dir, 'elsewhere'),
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
