// Splits folded text into syllables. Vietnamese words are written syllable by syllable, so the
// syllable is the unit; word-level meaning is recovered by bigram features.
const SPLIT = /[^a-z0-9/]+/;

export function splitTokens(folded: string): string[] {
  return folded.split(SPLIT).filter(Boolean);
}

/** Unigrams plus adjacent-pair bigrams ("giay khai sinh" → giay, khai, sinh, giay_khai, khai_sinh). */
export function ngrams(tokens: readonly string[]): string[] {
  const out = tokens.slice();
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]!}_${tokens[i + 1]!}`);
  return out;
}
