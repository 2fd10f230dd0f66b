// Refuses passwords an attacker would try first (common passwords, repeats, keyboard runs, the username)
// with zxcvbn-ts: it estimates guesses from dictionaries and patterns rather than counting character classes.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/** zxcvbn's 0–4 scale: 3 is "safely unguessable" against an online attack (about 10^8 guesses). */
const MIN_SCORE = 3;

let checker: ZxcvbnFactory | null = null;
const zxcvbn = () => (checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

// zxcvbn-ts reports warning keys when no translation is loaded; these are the ones worth a sentence.
const WARNINGS: Record<string, string> = {
  simpleRepeat: 'repeats one character',
  extendedRepeat: 'repeats a short pattern',
  keyPattern: 'is a keyboard pattern',
  straightRow: 'is a row of keys',
  sequences: 'is a sequence like abc or 123',
  common: 'is a commonly used password',
  topTen: 'is one of the most common passwords',
  topHundred: 'is one of the most common passwords',
  similarToCommon: 'is close to a commonly used password',
  userInputs: 'contains the username',
  recentYears: 'is mostly a recent year',
  dates: 'is mostly a date',
};

/** Why `password` is too easy to guess, or null. `related` holds words an attacker knows (the username). */
export function weakness(password: string, related: string[] = []): string | null {
  const r = zxcvbn().check(password.normalize('NFC'), related.filter(Boolean));
  if (r.score >= MIN_SCORE) return null;
  const why = r.feedback.warning ? WARNINGS[r.feedback.warning] : undefined;
  return `is too easy to guess${why ? ` (it ${why})` : ''}; use a few unrelated words or a longer phrase`;
}
