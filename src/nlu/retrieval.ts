// Short-text retrieval: TF-IDF vectors over folded syllables and their bigrams, scored by cosine
// similarity, so a score means the same for a 4-word and a 12-word question and one threshold fits all.
// natural's TfIdf is not used: its public entry point loads natural's storage modules (dotenv banners on
// stdout, over a second of start-up) and it has no length normalisation, which short questions need.
import type { Lexicon } from './lexicon';
import { normalize } from './normalize';
import { ngrams } from './tokenize';

export type Vector = ReadonlyMap<string, number>;

export interface Scored<K> {
  key: K;
  score: number;
}

/** Retrieval tokens of a text: the normaliser's folded, expanded syllables (no speller). */
export function retrievalTokens(text: string, lexicon: Lexicon): string[] {
  return normalize(text, lexicon).tokens;
}

const pair = (a: string, b: string) => `${a} ${b}`;

/** The adjacent pairs of a phrase ("xác nhận tình trạng hôn nhân" → "xac nhan", "nhan tinh", …). */
export function phrasePairs(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    if (next !== undefined) out.add(pair(t, next));
  });
  return out;
}

/**
 * Tokens plus adjacent bigrams, leaving out the words that stand in one of the `drop` pairs (e.g. a
 * procedure's name, which every question about it may say). Pairs, not words: "hôn" of "hôn nhân" goes
 * while "hôn" of "kết hôn" stays.
 */
export function retrievalFeatures(
  tokens: readonly string[],
  drop: ReadonlySet<string> = new Set(),
): string[] {
  const kept = tokens.filter((t, i) => {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    return (
      !(prev !== undefined && drop.has(pair(prev, t))) && !(next !== undefined && drop.has(pair(t, next)))
    );
  });
  return ngrams(kept);
}

export class TfIdfIndex<K> {
  private readonly idf = new Map<string, number>();
  private readonly docs: Array<{ key: K; vector: Vector }>;

  constructor(docs: ReadonlyArray<{ key: K; features: readonly string[] }>) {
    const df = new Map<string, number>();
    for (const d of docs) for (const f of new Set(d.features)) df.set(f, (df.get(f) ?? 0) + 1);
    for (const [f, n] of df) this.idf.set(f, Math.log(1 + docs.length / n));
    this.docs = docs.map((d) => ({ key: d.key, vector: this.vector(d.features) }));
  }

  /** Unit-length TF-IDF vector; features the index never saw carry no information and are left out. */
  vector(features: readonly string[]): Vector {
    const tf = new Map<string, number>();
    for (const f of features) if (this.idf.has(f)) tf.set(f, (tf.get(f) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [f, n] of tf) {
      const w = (1 + Math.log(n)) * (this.idf.get(f) as number);
      v.set(f, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (const [f, w] of v) v.set(f, w / norm);
    return v;
  }

  /** Every document that passes `keep`, best first, with its cosine similarity to the query. */
  search(features: readonly string[], keep: (key: K) => boolean = () => true): Array<Scored<K>> {
    const q = this.vector(features);
    const out: Array<Scored<K>> = [];
    for (const d of this.docs) {
      if (!keep(d.key)) continue;
      let s = 0;
      for (const [f, w] of q) s += w * (d.vector.get(f) ?? 0);
      out.push({ key: d.key, score: s });
    }
    return out.sort((a, b) => b.score - a.score);
  }
}
