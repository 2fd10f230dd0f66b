// The understanding model: normalise → hashed features → two calibrated softmax classifiers (what
// the message is about: an intent, a procedure or another authority's procedure; and, for
// procedures, which aspect) → Understanding.
import type { Aspect, Intent } from '../core/labels';
import { isAspect, isIntent } from '../core/labels';
import { LinearClassifier, type ClassifierOptions } from './classifier';
import { DEFAULT_FEATURES, hashedFeatures, type FeatureOptions } from './features';
import { paraphraseGroups } from './groups';
import { compileCues, cuesIn, type CueIndex } from './aspect-cues';
import { compileLexicon, type Lexicon } from './lexicon';
import { ModelCache } from './model-cache';
import { modelCacheDir, readModelFile, writeModelFile } from './model-file';
import { normalize, type Normalized } from './normalize';
import { DEFAULT_SOFTMAX } from './softmax';
import { Speller } from './speller';
import type { Example, TrainingData } from './training-data';
import { ngrams } from './tokenize';
import type { Understanding } from './understanding';

const PROCEDURE_PREFIX = 'p:';
/** Out-of-scope questions another authority handles are learned per catalogue entry. */
const REDIRECT_PREFIX = 'x:';
/** A feature "names" a procedure when most sentences containing it ask about one of a few procedures. */
const NAMING_SHARE = 0.7;
const NAMING_MIN_DOCS = 3;
const NAMING_FAMILY = 3;
const NAMING_CONCENTRATION = 0.8;

export type ModelOptions = ClassifierOptions & { features: FeatureOptions };

export interface NluOptions {
  label: ModelOptions;
  aspect: ModelOptions;
}

/** Chosen by grouped cross-validation on the training data (`motcua eval --cv`), not on the eval sets. */
// Grouped 4-fold CV label accuracy: char n-grams within words 0.903, across words 0.905 (6 epochs),
// 0.909 (10 epochs); on the folded text as typed (before the lexicon) 0.902. Aspect: with char n-grams 0.843–0.863, words and cues only 0.888, and 0.935
// when procedure names are not removed first (as they were for the Bayes model). Dropping label
// features seen in one example only (minDf 2): 0.908, a third faster per message (smaller weight
// table, fewer cache misses), but it lost out-of-scope precision; kept at 1. Character 3–5-grams
// instead of 2–5: 0.916 too, with a fifth fewer features per message, but a look-alike of our own
// procedure in the redirect battery went to another authority; 2–4-grams: 0.914. Pruning label
// weights below 0.1 keeps 10 % of them at 0.917, but the features messages hit are frequent ones that
// keep most of their 79 weights: no faster.
export const DEFAULT_NLU: NluOptions = {
  label: {
    features: { ...DEFAULT_FEATURES, charAcrossWords: true },
    softmax: { ...DEFAULT_SOFTMAX, epochs: 10 },
    calibrationFolds: 3,
    minDf: 1,
  },
  aspect: {
    features: { ...DEFAULT_FEATURES, charMax: 0 },
    softmax: DEFAULT_SOFTMAX,
    calibrationFolds: 0,
    minDf: 1,
  },
};

/** The label the model learns for an example: `p:<procedure>`, `x:<redirect>`, or the intent. */
export function labelOf(e: Pick<Example, 'intent' | 'procedure' | 'redirect'>): string {
  if (e.intent === 'procedure') return `${PROCEDURE_PREFIX}${String(e.procedure)}`;
  return e.redirect ? `${REDIRECT_PREFIX}${e.redirect}` : e.intent;
}

function cueFeatures(tokens: readonly string[], cues: CueIndex): string[] {
  return [...new Set(cuesIn(tokens, cues).map((c) => `@${c.aspect}`))];
}

/**
 * Word n-grams that name a procedure (or a small family of them, like "kết hôn"): mostly seen in
 * procedure questions, and concentrated in a few procedures. Generic words ("giấy", "cần") and
 * aspect cues ("lệ phí") are spread over all procedures and do not count.
 */
function namingGrams(docs: ReadonlyArray<{ grams: readonly string[]; label: string }>): Set<string> {
  const perGram = new Map<string, Map<string, number>>();
  for (const { grams, label } of docs) {
    for (const g of new Set(grams)) {
      let m = perGram.get(g);
      if (!m) perGram.set(g, (m = new Map<string, number>()));
      m.set(label, (m.get(label) ?? 0) + 1);
    }
  }
  const out = new Set<string>();
  for (const [g, m] of perGram) {
    let total = 0;
    const procedureCounts: number[] = [];
    for (const [label, n] of m) {
      total += n;
      if (label.startsWith(PROCEDURE_PREFIX)) procedureCounts.push(n);
    }
    const inProcedures = procedureCounts.reduce((a, b) => a + b, 0);
    const top = procedureCounts
      .sort((a, b) => b - a)
      .slice(0, NAMING_FAMILY)
      .reduce((a, b) => a + b, 0);
    if (
      inProcedures >= NAMING_MIN_DOCS &&
      inProcedures / total >= NAMING_SHARE &&
      top / inProcedures >= NAMING_CONCENTRATION
    )
      out.add(g);
  }
  return out;
}

type LabelKind =
  | { kind: 'procedure'; procedure: string }
  | { kind: 'redirect'; redirect: string }
  | { kind: 'intent'; intent: Intent };

function kindOf(label: string): LabelKind {
  if (label.startsWith(PROCEDURE_PREFIX))
    return { kind: 'procedure', procedure: label.slice(PROCEDURE_PREFIX.length) };
  if (label.startsWith(REDIRECT_PREFIX))
    return { kind: 'redirect', redirect: label.slice(REDIRECT_PREFIX.length) };
  return { kind: 'intent', intent: isIntent(label) ? label : 'out_of_scope' };
}

const TRAINED = new ModelCache<NluModel>();
/** Part of the cache key: change it whenever features or training change, so stored models are retrained. */
const MODEL_FORMAT = 'softmax-hashed-1';

/** A classifier from the on-disk cache (same content key), else trained and stored there. */
function stored(key: string, bits: number, train: () => LinearClassifier): LinearClassifier {
  const dir = modelCacheDir();
  const file = readModelFile(dir, key);
  const loaded = file ? LinearClassifier.fromBuffer(file) : null;
  if (loaded) return loaded;
  const trained = train();
  writeModelFile(dir, key, trained.toBuffer(bits));
  return trained;
}

/** Procedures offered in "did you mean" questions. */
const CANDIDATES = 3;
const OUT_OF_SCOPE: LabelKind = { kind: 'intent', intent: 'out_of_scope' };

const isOutOfScope = (k: LabelKind) =>
  k.kind === 'redirect' || (k.kind === 'intent' && k.intent === 'out_of_scope');

export class NluModel {
  private readonly kinds: readonly LabelKind[];

  private constructor(
    private readonly lexicon: Lexicon,
    private readonly speller: Speller,
    private readonly cues: CueIndex,
    private readonly labelModel: LinearClassifier,
    private readonly aspectModel: LinearClassifier,
    private readonly namingFeatures: ReadonlySet<string>,
    private readonly options: NluOptions,
    readonly exampleCount: number,
  ) {
    this.kinds = labelModel.labels.map(kindOf);
  }

  /** Trains (or returns the model already trained on exactly this data and these options). */
  static train(data: TrainingData, o: NluOptions = DEFAULT_NLU): NluModel {
    const key = ModelCache.key(
      MODEL_FORMAT,
      data.examples.map((e) => [e.text, labelOf(e), e.aspect]),
      data.lexicon,
      data.aspectCues,
      o,
    );
    return TRAINED.get(key, () => NluModel.fit(data, o, key));
  }

  private static fit(data: TrainingData, o: NluOptions, key: string): NluModel {
    const lexicon = compileLexicon(data.lexicon);
    // Training text is taken as written (no speller); the speller corrects towards its vocabulary.
    const raw = data.examples.map((e) => normalize(e.text, lexicon).tokens);
    const freq = new Map<string, number>();
    for (const toks of raw) for (const t of toks) freq.set(t, (freq.get(t) ?? 0) + 1);
    const speller = new Speller(freq);
    const cues = compileCues(data.aspectCues, lexicon);
    const labels = data.examples.map(labelOf);
    const groups = paraphraseGroups(raw, labels);
    const rows = data.examples.map((e, i) => {
      const tokens = raw[i] ?? [];
      // A group of its own when missing: never kept with others in a fold.
      return { tokens, cued: cueFeatures(tokens, cues), aspect: e.aspect, group: groups[i] ?? -1 - i };
    });
    const labelModel = stored(`${key}-label`, o.label.features.bits, () =>
      LinearClassifier.train(
        rows.map((r) => hashedFeatures(r.tokens, r.cued, o.label.features)),
        labels,
        groups,
        o.label,
      ),
    );
    const naming = namingGrams(rows.map((r, i) => ({ grams: ngrams(r.tokens), label: labels[i] ?? '' })));
    const withAspect = rows.flatMap((r) => (r.aspect ? [{ ...r, aspect: r.aspect }] : []));
    const aspectModel = stored(`${key}-aspect`, o.aspect.features.bits, () =>
      LinearClassifier.train(
        withAspect.map((r) => hashedFeatures(r.tokens, r.cued, o.aspect.features)),
        withAspect.map((r) => r.aspect),
        withAspect.map((r) => r.group),
        o.aspect,
      ),
    );
    return new NluModel(lexicon, speller, cues, labelModel, aspectModel, naming, o, data.examples.length);
  }

  /** The temperature fitted on grouped cross-validation (1 when not calibrated). */
  get temperature(): number {
    return this.labelModel.temperature;
  }

  /**
   * Options that keep this model's calibration: retraining on the same data plus a few taught examples
   * needs one fit instead of the cross-validation's four (seconds, not tens of seconds).
   */
  keepingCalibration(o: NluOptions = this.options): NluOptions {
    return {
      label: { ...o.label, temperature: this.labelModel.temperature },
      aspect: { ...o.aspect, temperature: this.aspectModel.temperature },
    };
  }

  normalize(text: string): Normalized {
    return normalize(text, this.lexicon, this.speller);
  }

  understand(text: string): Understanding {
    const norm = this.normalize(text);
    const tokens = norm.tokens;
    const cued = cueFeatures(tokens, this.cues);
    const base = {
      text,
      malformedCode: norm.malformedCodes[0] ?? null,
      namesProcedure: ngrams(tokens).some((f) => this.namingFeatures.has(f)),
      namesAspect: cued.length > 0,
      normalized: tokens.join(' '),
      procedure: null,
      aspect: null,
      redirect: null,
    };
    // A receipt code (or an attempt at one) decides the intent; no classifier needed.
    if (norm.codes.length > 0 || norm.malformedCodes.length > 0) {
      return {
        ...base,
        intent: 'status_lookup',
        code: norm.codes[0] ?? null,
        confidence: 1,
        procedureCandidates: [],
      };
    }
    const p = this.labelModel.probabilities(hashedFeatures(tokens, cued, this.options.label.features));
    // One pass over the labels (kinds[i] is the kind of p[i]): the best label, the out-of-scope total and
    // its best authority, and the best procedures kept sorted (p descending, then label order).
    let top: { kind: LabelKind; p: number } | null = null;
    let outOfScope = 0;
    let bestOutOfScope: { kind: LabelKind; p: number } | null = null;
    const procedureCandidates: Array<{ procedure: string; p: number }> = [];
    for (let i = 0; i < this.kinds.length; i++) {
      const kind = this.kinds[i] ?? OUT_OF_SCOPE;
      const pi = p[i] ?? 0;
      if (!top || pi > top.p) top = { kind, p: pi };
      if (kind.kind === 'procedure') {
        let at = procedureCandidates.length;
        while (at > 0 && pi > (procedureCandidates[at - 1]?.p ?? Infinity)) at--;
        if (at < CANDIDATES) {
          procedureCandidates.splice(at, 0, { procedure: kind.procedure, p: pi });
          procedureCandidates.length = Math.min(procedureCandidates.length, CANDIDATES);
        }
      } else if (isOutOfScope(kind)) {
        outOfScope += pi;
        if (!bestOutOfScope || pi > bestOutOfScope.p) bestOutOfScope = { kind, p: pi };
      }
    }
    const best = top ?? { kind: OUT_OF_SCOPE, p: 0 };
    const outBest = bestOutOfScope;
    // Out of scope is one intent however many authorities it is split into: its confidence is their sum.
    if (outBest && (isOutOfScope(best.kind) || outOfScope > best.p)) {
      const redirect = outBest.kind.kind === 'redirect' ? outBest.kind.redirect : null;
      return {
        ...base,
        intent: 'out_of_scope',
        redirect,
        code: null,
        confidence: outOfScope,
        procedureCandidates,
      };
    }
    if (best.kind.kind === 'procedure') {
      const aspect = this.aspectOf(tokens, cued);
      return {
        ...base,
        intent: 'procedure',
        procedure: best.kind.procedure,
        aspect,
        code: null,
        confidence: best.p,
        procedureCandidates,
      };
    }
    const intent = best.kind.kind === 'intent' ? best.kind.intent : 'out_of_scope';
    return { ...base, intent, code: null, confidence: best.p, procedureCandidates };
  }

  private aspectOf(tokens: readonly string[], cued: readonly string[]): Aspect {
    const p = this.aspectModel.probabilities(hashedFeatures(tokens, cued, this.options.aspect.features));
    let best = 0;
    for (let i = 1; i < p.length; i++) if ((p[i] ?? 0) > (p[best] ?? 0)) best = i;
    const label = this.aspectModel.labels[best];
    return isAspect(label) ? label : 'general';
  }
}
