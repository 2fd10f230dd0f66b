// The room arrows of .dependency-cruiser.cjs, checked on a planted tree: every forbidden import is
// reported under its rule's name, and the allowed ones are not.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const script = path.join(__dirname, '..', '..', 'scripts', 'lint', 'depcruise.mjs');

// [importing file, imported file, rule that must reject it]
const FORBIDDEN: [string, string, string][] = [
  ['src/core/a.ts', 'src/admin/console.ts', 'layer-core'],
  ['src/nlu/a.ts', 'src/dialogue/a.ts', 'layer-nlu'],
  ['src/kb/a.ts', 'src/store/a.ts', 'layer-kb'],
  ['src/dialogue/b.ts', 'src/dossiers/a.ts', 'layer-dialogue'],
  ['src/assistant/a.ts', 'src/pipeline/a.ts', 'layer-assistant'],
  ['src/pipeline/b.ts', 'src/server/a.ts', 'layer-pipeline'],
  ['src/admin/a.ts', 'src/server/a.ts', 'layer-admin'],
  ['src/cli/a.ts', 'src/admin/a.ts', 'layer-cli'],
  ['src/server/b.ts', 'src/admin/a.ts', 'layer-server'],
  ['webhooks/zalo/a.ts', 'src/pipeline/a.ts', 'layer-webhooks'],
  ['webhooks/zalo/b.ts', 'webhooks/messenger/a.ts', 'channels-are-independent'],
  ['src/widgets/a.ts', 'src/core/a.ts', 'no-room-outside-the-map'],
  ['src/store/b.ts', 'test/a.ts', 'no-tests-or-bench-in-production'],
];
// Imports the arrows allow; none of these files may appear in a violation.
const ALLOWED: [string, string][] = [
  ['src/dialogue/ok.ts', 'src/kb/a.ts'],
  ['src/kb/sync.ts', 'src/store/a.ts'],
  ['src/pipeline/ok.ts', 'src/assistant/a.ts'],
  ['webhooks/zalo/ok.ts', 'src/pipeline/public.ts'],
  ['src/server/ok.ts', 'src/admin/console.ts'],
  ['src/cli/ok.ts', 'src/services/a.ts'],
];

function plant(root: string, files: [string, string][]): void {
  const write = (file: string, text: string) => {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.appendFileSync(full, text);
  };
  write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'commonjs', strict: true } }));
  for (const [from, to] of files) {
    let target = path.relative(path.dirname(from), to).replace(/\.ts$/, '');
    if (!target.startsWith('.')) target = `./${target}`;
    write(from, `import '${target}';\n`);
    write(to, 'export {};\n');
  }
  // A cycle inside one room, and an import of a file that does not exist.
  write('src/nlu/x.ts', "import './y';\n");
  write('src/nlu/y.ts', "import './x';\n");
  write('src/core/b.ts', "import './missing';\n");
}

function cruise(root: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [script, 'src', 'webhooks'], { cwd: root, encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('dependency rules', () => {
  let root: string;
  let result: { status: number | null; output: string };

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-depcruise-'));
    plant(root, [...FORBIDDEN.map(([from, to]): [string, string] => [from, to]), ...ALLOWED]);
    result = cruise(root);
  }, 120_000);

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('fails on a planted violation', () => {
    expect(result.status).toBe(1);
  });

  it.each(FORBIDDEN)('rejects %s → %s by %s', (from, to, rule) => {
    expect(result.output).toContain(`error ${rule}: ${from} → ${to}`);
  });

  it('rejects a cycle and an unresolvable import', () => {
    expect(result.output).toMatch(/error no-circular: src\/nlu\/[xy]\.ts/);
    expect(result.output).toContain('error not-to-unresolvable: src/core/b.ts → ./missing');
  });

  it.each(ALLOWED)('allows %s → %s', (from) => {
    expect(result.output).not.toContain(` ${from} →`);
  });

  it('passes a tree that keeps the arrows', () => {
    const clean = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-depcruise-'));
    try {
      plant(clean, ALLOWED);
      fs.rmSync(path.join(clean, 'src/nlu'), { recursive: true });
      fs.rmSync(path.join(clean, 'src/core/b.ts'));
      expect(cruise(clean)).toEqual({ status: 0, output: expect.any(String) });
    } finally {
      fs.rmSync(clean, { recursive: true, force: true });
    }
  }, 120_000);
});
