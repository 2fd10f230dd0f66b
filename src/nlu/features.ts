// Hashed sparse features of a normalised message: word 1–2-grams, character n-grams inside each
// word padded with spaces (they carry typos and missing diacritics), and aspect cue features.
import { hashPair, hashString, seedHash, step } from './hash';

export interface FeatureOptions {
  /** Bucket space is 2^bits. */
  bits: number;
  charMin: number;
  charMax: number;
}

export const DEFAULT_FEATURES: FeatureOptions = { bits: 20, charMin: 2, charMax: 5 };

const WORD = 1;
const CHAR = 2;
const CUE = 3;
const SPACE = 32;

/** Buckets of every feature of the message, repeated as often as the feature occurs. */
export function hashedFeatures(tokens: readonly string[], cues: readonly string[], o: FeatureOptions = DEFAULT_FEATURES): number[] {
  const mask = (1 << o.bits) - 1;
  const out: number[] = [];
  let prev = 0;
  tokens.forEach((t, i) => {
    const h = hashString(t, WORD);
    out.push(h & mask);
    if (i > 0) out.push(hashPair(prev, h) & mask);
    prev = h;
    const n = t.length + 2;
    const code = (k: number) => (k === 0 || k === n - 1 ? SPACE : t.charCodeAt(k - 1));
    for (let s = 0; s + o.charMin <= n; s++) {
      let g = seedHash(CHAR);
      for (let len = 1; len <= o.charMax && s + len <= n; len++) {
        g = step(g, code(s + len - 1));
        if (len >= o.charMin) out.push(g & mask);
      }
    }
  });
  for (const c of cues) out.push(hashString(c, CUE) & mask);
  return out;
}
