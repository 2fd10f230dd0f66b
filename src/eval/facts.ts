// Scores fact questions: each is asked in a fresh conversation, and it is answered right when the
// reply text (folded, lower case) contains any of the expected strings.
import { fold } from '../nlu/fold';
import type { FactQuestion } from './sets';

/** The bot's reply texts to one question asked in a new conversation. */
export type AskFn = (conversation: string, question: string) => Promise<string[]>;

export interface FactReport {
  n: number;
  accuracy: number;
  misses: Array<{ id: string; question: string; expected: string[]; reply: string }>;
}

const squash = (s: string) => fold(s).replace(/\s+/g, ' ');

export async function scoreFacts(questions: readonly FactQuestion[], ask: AskFn): Promise<FactReport> {
  let ok = 0;
  const misses: FactReport['misses'] = [];
  for (const q of questions) {
    const reply = (await ask(q.id, q.question)).join('\n');
    const text = squash(reply);
    if (q.expect_any.some((e) => text.includes(squash(e)))) ok++;
    else misses.push({ id: q.id, question: q.question, expected: q.expect_any, reply });
  }
  return { n: questions.length, accuracy: questions.length ? ok / questions.length : 1, misses };
}
