// The three kinds of evaluation file (JSON lines), told apart by their fields:
// labelled messages (taxonomy format), dialogues scored turn by turn, and fact questions.
import fs from 'node:fs';
import type { Labelled } from './score';

export interface DialogueTurn {
  text: string;
  intent: string;
  procedure: string | null;
  aspect: string | null;
}
export interface Dialogue {
  id: string;
  turns: DialogueTurn[];
}
export interface FactQuestion {
  id: string;
  question: string;
  procedure: string | null;
  /** The reply is right when it contains any of these (compared folded, lower case). */
  expect_any: string[];
}

export type EvalSet =
  | { kind: 'messages'; file: string; items: Labelled[] }
  | { kind: 'dialogues'; file: string; items: Dialogue[] }
  | { kind: 'facts'; file: string; items: FactQuestion[] };

function lines(file: string): unknown[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => l.trim())
    .map(({ l, i }) => {
      try {
        return JSON.parse(l) as unknown;
      } catch {
        throw new Error(`${file}: line ${i + 1} is not JSON`);
      }
    });
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

export function readEvalSet(file: string): EvalSet {
  const rows = lines(file);
  const shape = (r: unknown) =>
    isObject(r) && Array.isArray(r.turns)
      ? 'dialogues'
      : isObject(r) && Array.isArray(r.expect_any)
        ? 'facts'
        : isObject(r) && typeof r.text === 'string'
          ? 'messages'
          : 'unknown';
  const kinds = new Set(rows.map(shape));
  if (kinds.size !== 1 || kinds.has('unknown')) {
    throw new Error(
      `${file}: every line must be one kind: {"text","intent",...}, {"id","turns":[...]} or {"id","question","expect_any":[...]}`,
    );
  }
  const [kind] = kinds;
  if (kind === 'dialogues') return { kind, file, items: rows as Dialogue[] };
  if (kind === 'facts') return { kind, file, items: rows as FactQuestion[] };
  return { kind: 'messages', file, items: rows as Labelled[] };
}
