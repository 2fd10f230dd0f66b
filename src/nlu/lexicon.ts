// The abbreviation / synonym lexicon staff extend in intents/lexicon.yaml, compiled to folded tokens.
import { fold } from './fold';
import { splitTokens } from './tokenize';

export interface Lexicon {
  /** One typed token → its expansion (folded tokens). */
  abbreviations: ReadonlyMap<string, readonly string[]>;
  /** Phrase rewrites indexed by their first token, longest first. */
  synonyms: ReadonlyMap<string, ReadonlyArray<{ from: readonly string[]; to: readonly string[] }>>;
}

export interface LexiconSource {
  abbreviations?: Record<string, string>;
  synonyms?: Record<string, string>;
}

export const EMPTY_LEXICON: Lexicon = { abbreviations: new Map(), synonyms: new Map() };

export function compileLexicon(src: LexiconSource): Lexicon {
  const abbreviations = new Map<string, string[]>();
  for (const [k, v] of Object.entries(src.abbreviations ?? {})) {
    const key = fold(k).trim();
    if (key) abbreviations.set(key, splitTokens(fold(v)));
  }
  const synonyms = new Map<string, Array<{ from: string[]; to: string[] }>>();
  const rules = Object.entries(src.synonyms ?? {})
    .map(([k, v]) => ({ from: splitTokens(fold(k)), to: splitTokens(fold(v)) }))
    .filter((s) => s.from.length > 0)
    .sort((a, b) => b.from.length - a.from.length);
  for (const r of rules) {
    const [first] = r.from;
    if (first === undefined) continue;
    const bucket = synonyms.get(first);
    if (bucket) bucket.push(r);
    else synonyms.set(first, [r]);
  }
  return { abbreviations, synonyms };
}
