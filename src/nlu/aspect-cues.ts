// Aspect cue phrases (intents/aspects.yaml, plus the follow-ups staff teach), matched on normalised tokens.
// The classifier uses them as features; the dialogue uses them to read a bare follow-up ("mất bao lâu")
// whatever intent the classifier gave it.
import { isAspect, type Aspect } from '../core/labels';
import { normalize } from './normalize';
import type { Lexicon } from './lexicon';
import type { TrainingData } from './training-data';

type Cue = { aspect: Aspect; tokens: string[] };
/** Cues indexed by their first token, so matching costs one map lookup per message token. */
export type CueIndex = ReadonlyMap<string, readonly Cue[]>;

export function compileCues(src: TrainingData['aspectCues'], lexicon: Lexicon): CueIndex {
  const cues = new Map<string, Cue[]>();
  for (const [aspect, phrases] of Object.entries(src)) {
    if (!isAspect(aspect)) continue;
    for (const phrase of phrases ?? []) {
      const tokens = normalize(phrase, lexicon).tokens;
      const [first] = tokens;
      if (first === undefined) continue;
      const bucket = cues.get(first);
      if (bucket) bucket.push({ aspect, tokens });
      else cues.set(first, [{ aspect, tokens }]);
    }
  }
  return cues;
}

/** A cue found at a token position. */
interface Found extends Cue {
  at: number;
}

function found(tokens: readonly string[], cues: CueIndex): Found[] {
  const out: Found[] = [];
  tokens.forEach((t, i) => {
    for (const c of cues.get(t) ?? []) {
      if (c.tokens.every((w, k) => tokens[i + k] === w)) out.push({ ...c, at: i });
    }
  });
  return out;
}

/** Every cue found in the tokens, in message order. */
export function cuesIn(tokens: readonly string[], cues: CueIndex): Cue[] {
  return found(tokens, cues);
}

export interface CueReading {
  /** The aspect the longest cue names (the most specific phrase; the first one on a tie), or null. */
  aspect: Aspect | null;
  /** The tokens no cue covers ("làm sổ đỏ" in "làm sổ đỏ mất bao lâu"). */
  rest: string[];
}

export function readCues(tokens: readonly string[], cues: CueIndex): CueReading {
  const all = found(tokens, cues);
  let best: Found | null = null;
  for (const c of all) if (!best || c.tokens.length > best.tokens.length) best = c;
  const covered = new Set(all.flatMap((c) => c.tokens.map((_, k) => c.at + k)));
  return { aspect: best?.aspect ?? null, rest: tokens.filter((_, i) => !covered.has(i)) };
}
