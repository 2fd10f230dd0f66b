// Hashed sparse features of a normalised message: word 1–2-grams, character n-grams inside each
// word padded with spaces (they carry typos and missing diacritics), and aspect cue features.
import { hashPair, hashString, seedHash, step } from './hash';

export interface FeatureOptions {
  /** Bucket space is 2^bits. */
  bits: number;
  charMin: number;
  charMax: number;
  /** Character n-grams run across word boundaries (on the whole spaced text) instead of within each word. */
  charAcrossWords: boolean;
}

export const DEFAULT_FEATURES: FeatureOptions = { bits: 20, charMin: 2, charMax: 5, charAcrossWords: false };

const WORD = 1;
const CHAR = 2;
const CUE = 3;

/** Buckets of every feature of the message, repeated as often as the feature occurs. */
export function hashedFeatures(
  tokens: readonly string[],
  cues: readonly string[],
  o: FeatureOptions = DEFAULT_FEATURES,
): number[] {
  const mask = (1 << o.bits) - 1;
  // No character n-grams at all (charMax below charMin): no padded strings to build either.
  const chars = o.charMax >= o.charMin;
  const out: number[] = [];
  let prev: number | null = null;
  for (const t of tokens) {
    const h = hashString(t, WORD);
    out.push(h & mask);
    if (prev !== null) out.push(hashPair(prev, h) & mask);
    prev = h;
    if (chars && !o.charAcrossWords) charGrams(` ${t} `, o, mask, out);
  }
  if (chars && o.charAcrossWords) charGrams(` ${tokens.join(' ')} `, o, mask, out);
  for (const c of cues) out.push(hashString(c, CUE) & mask);
  return out;
}

function charGrams(s: string, o: FeatureOptions, mask: number, out: number[]): void {
  for (let start = 0; start + o.charMin <= s.length; start++) {
    let g = seedHash(CHAR);
    for (let len = 1; len <= o.charMax && start + len <= s.length; len++) {
      g = step(g, s.charCodeAt(start + len - 1));
      if (len >= o.charMin) out.push(g & mask);
    }
  }
}
