// Corrects typos in unknown tokens against the vocabulary the classifier learned, by symmetric
// delete distance 1 (covers one substitution, insertion, deletion or transposition: "nhna"→"nhan",
// "khog"→"khong", "giayy"→"giay"). Only tokens that are not valid syllables are touched.
import { isSyllable } from './syllable';

const MIN_LENGTH = 3;

function deletes(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

export class Speller {
  private readonly index = new Map<string, string[]>();
  private readonly cache = new Map<string, string>();

  constructor(private readonly frequency: ReadonlyMap<string, number>) {
    for (const word of frequency.keys()) {
      if (word.length < 2 || /[0-9_]/.test(word)) continue;
      for (const d of new Set([word, ...deletes(word)])) {
        const bucket = this.index.get(d);
        if (bucket) bucket.push(word);
        else this.index.set(d, [word]);
      }
    }
  }

  correct(token: string): string {
    if (this.frequency.has(token) || token.length < MIN_LENGTH || isSyllable(token) || /[0-9]/.test(token)) {
      return token;
    }
    const hit = this.cache.get(token);
    if (hit !== undefined) return hit;
    const fixed = this.best(token) ?? token;
    if (this.cache.size < 50_000) this.cache.set(token, fixed);
    return fixed;
  }

  private best(token: string): string | undefined {
    const collapsed = token.replace(/(.)\1+/g, '$1');
    if (collapsed !== token && this.frequency.has(collapsed)) return collapsed;
    let best: string | undefined;
    let bestFreq = 0;
    for (const probe of [token, ...deletes(token)]) {
      for (const word of this.index.get(probe) ?? []) {
        if (Math.abs(word.length - token.length) > 1) continue;
        const f = this.frequency.get(word) ?? 0;
        if (f > bestFreq) {
          best = word;
          bestFreq = f;
        }
      }
    }
    return best;
  }
}
