// Runs the BUILT server (`node dist/src/server/main.js`, what `npm start` runs) as a child process.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
export const MAIN_JS = path.join(ROOT, 'dist/src/server/main.js');

let built = false;
/** Build once per test process (`npm test` builds first anyway; this keeps `npx jest` honest). */
export function ensureBuilt(): void {
  if (built) return;
  // `npm test` (what CI runs) has just built; a local `npx jest` rebuilds to test the current sources.
  if (process.env['CI'] === 'true' && fs.existsSync(MAIN_JS)) {
    built = true;
    return;
  }
  try {
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      { cwd: ROOT, stdio: 'pipe' },
    );
  } catch {
    // Type errors elsewhere still emit JavaScript; only a missing entry point is fatal.
  }
  if (!fs.existsSync(MAIN_JS)) throw new Error(`build did not produce ${MAIN_JS}`);
  built = true;
}

export interface ChildServer {
  proc: ChildProcess;
  url: string;
  lines: string[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function spawnServer(env: Record<string, string>, timeoutMs = 20_000): Promise<ChildServer> {
  const proc = spawn(process.execPath, [MAIN_JS], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const stderr: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let buf = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start: ${stderr.join('')}${lines.join('\n')}`)),
      timeoutMs,
    );
    proc.stdout.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        lines.push(line);
        try {
          const j = JSON.parse(line);
          if (j.msg === 'motcua is listening') {
            clearTimeout(timer);
            resolve(`http://127.0.0.1:${String(j.port)}`);
          }
        } catch {
          /* not JSON */
        }
      }
    });
    proc.stderr.on('data', (d: Buffer) => stderr.push(d.toString('utf8')));
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${String(code)}) before listening: ${stderr.join('')}`));
    });
  });
  return { proc, url, lines, stderr, exited };
}

/** SIGKILL the children that are still running and empty the list (test clean-up). */
export async function killRemaining(children: ChildServer[]): Promise<void> {
  for (const c of children.splice(0)) {
    if (c.proc.exitCode === null && c.proc.signalCode === null) {
      c.proc.kill('SIGKILL');
      await c.exited;
    }
  }
}
