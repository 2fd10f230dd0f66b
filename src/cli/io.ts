// Line-oriented stdin/stdout helpers for the JSONL commands: only the contract's JSON reaches stdout.
import readline from 'node:readline';

export async function* stdinLines(): AsyncGenerator<string> {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

export function writeJsonLine(obj: unknown): void {
  process.stdout.write(`${JSON.stringify(obj)}\n`);
}

/** Operator-facing messages go to stderr, in English. */
export function info(msg: string): void {
  process.stderr.write(`${msg}\n`);
}
