// The understanding model: normalise → features → two natural Bayes models (what the message is
// about: an intent or a procedure; and, for procedures, which aspect) → calibrated Understanding.
import type { Aspect, Intent } from '../core/labels';
import { isAspect, isIntent } from '../core/labels';
import { BayesModel, type LabelledFeatures } from './bayes';
import { fitTemperature } from './calibrate';
import { compileCues, cuesIn, type CueIndex } from './aspect-cues';
import { compileLexicon, type Lexicon } from './lexicon';
import { normalize, type Normalized } from './normalize';
import { Speller } from './speller';
import type { Example, TrainingData } from './training-data';
import { ngrams } from './tokenize';
import type { Understanding } from './understanding';

const PROCEDURE_PREFIX = 'p:';
/** Out-of-scope questions another authority handles are learned per catalogue entry. */
const REDIRECT_PREFIX = 'x:';
/**
 * Features whose use is spread this evenly over the labels (normalised entropy of the per-label
 * rates) are left out of the label model: "cần", "gì", "thì" say nothing about which procedure is
 * meant, yet small differences in how often each file uses them decided bare questions like
 * "khai sinh cần gì". Chosen on the dev set (no filter: procedure 0.952; 0.9: 0.960; 0.8: 0.976).
 */
const SPREAD_LIMIT = 0.8;
/** A feature "names" a procedure when most sentences containing it ask about one of a few procedures. */
const NAMING_SHARE = 0.7;
const NAMING_MIN_DOCS = 3;
const NAMING_FAMILY = 3;
const NAMING_CONCENTRATION = 0.8;

function labelOf(e: Pick<Example, 'intent' | 'procedure' | 'redirect'>): string {
  if (e.intent === 'procedure') return `${PROCEDURE_PREFIX}${e.procedure}`;
  return e.redirect ? `${REDIRECT_PREFIX}${e.redirect}` : e.intent;
}

/** How many examples of each label contain each feature (once per example), and examples per label. */
interface FeatureCounts {
  perFeature: Map<string, Map<string, number>>;
  labelTotals: Map<string, number>;
}

function featureCounts(docs: readonly LabelledFeatures[]): FeatureCounts {
  const perFeature = new Map<string, Map<string, number>>();
  const labelTotals = new Map<string, number>();
  for (const d of docs) {
    labelTotals.set(d.label, (labelTotals.get(d.label) ?? 0) + 1);
    for (const f of new Set(d.features)) {
      let m = perFeature.get(f);
      if (!m) perFeature.set(f, (m = new Map()));
      m.set(d.label, (m.get(d.label) ?? 0) + 1);
    }
  }
  return { perFeature, labelTotals };
}

function cueFeatures(tokens: readonly string[], cues: CueIndex): string[] {
  return [...new Set(cuesIn(tokens, cues).map((c) => `@${c.aspect}`))];
}

export class NluModel {
  private constructor(
    private readonly lexicon: Lexicon,
    private readonly speller: Speller,
    private readonly cues: CueIndex,
    private readonly labelModel: BayesModel,
    private readonly aspectModel: BayesModel,
    private readonly namingFeatures: ReadonlySet<string>,
    readonly exampleCount: number,
  ) {}

  static train(data: TrainingData): NluModel {
    const lexicon = compileLexicon(data.lexicon);
    // First pass without the speller builds the vocabulary the speller corrects towards.
    const raw = data.examples.map((e) => normalize(e.text, lexicon).tokens);
    const freq = new Map<string, number>();
    for (const toks of raw) for (const t of toks) freq.set(t, (freq.get(t) ?? 0) + 1);
    const speller = new Speller(freq);
    const cues = compileCues(data.aspectCues, lexicon);
    const grams = raw.map((tokens) => ngrams(tokens));
    const cued = raw.map((tokens) => cueFeatures(tokens, cues));
    const docs: LabelledFeatures[] = data.examples.map((e, i) => ({ features: grams[i], label: labelOf(e) }));
    // Redirect labels are parts of out_of_scope: which words say nothing is judged over intents and
    // procedures, or dozens of redirect labels would turn "lệ phí", "bao lâu" into label words.
    const counts = featureCounts(docs.map((d) => (d.label.startsWith(REDIRECT_PREFIX) ? { ...d, label: 'out_of_scope' } : d)));
    const stop = NluModel.spread(counts, SPREAD_LIMIT);
    const labelDocs = docs.map((d) => ({ ...d, features: d.features.filter((f) => !stop.has(f)) }));
    const labelModel = BayesModel.train(labelDocs);
    labelModel.setTemperature(fitTemperature(labelDocs));
    const naming = NluModel.naming(counts);
    const aspectDocs = data.examples
      .map((e, i) => ({ features: [...NluModel.withoutNaming(grams[i], naming), ...cued[i]], label: e.aspect ?? '' }))
      .filter((d) => d.label);
    const aspectModel = BayesModel.train(aspectDocs);
    aspectModel.setTemperature(fitTemperature(aspectDocs));
    return new NluModel(lexicon, speller, cues, labelModel, aspectModel, naming, data.examples.length);
  }

  /** Features spread evenly over the labels (normalised entropy above the limit) carry no label information. */
  private static spread(counts: FeatureCounts, limit: number): Set<string> {
    const maxH = Math.log(counts.labelTotals.size);
    const out = new Set<string>();
    for (const [f, m] of counts.perFeature) {
      const rates = [...m].map(([l, n]) => n / (counts.labelTotals.get(l) as number));
      const z = rates.reduce((a, b) => a + b, 0);
      const h = -rates.reduce((a, r) => a + (r / z) * Math.log(r / z), 0);
      if (h / maxH > limit) out.add(f);
    }
    return out;
  }

  /**
   * Features that name a procedure (or a small family of them, like "kết hôn"): mostly seen in
   * procedure questions, and concentrated in a few procedures. Generic words ("giấy", "cần") and
   * aspect cues ("lệ phí") are spread over all procedures and do not count.
   */
  private static naming(counts: FeatureCounts): Set<string> {
    const out = new Set<string>();
    for (const [f, m] of counts.perFeature) {
      let total = 0;
      const procedureCounts: number[] = [];
      for (const [label, n] of m) {
        total += n;
        if (label.startsWith(PROCEDURE_PREFIX)) procedureCounts.push(n);
      }
      const inProcedures = procedureCounts.reduce((a, b) => a + b, 0);
      const top = procedureCounts.sort((a, b) => b - a).slice(0, NAMING_FAMILY).reduce((a, b) => a + b, 0);
      if (inProcedures >= NAMING_MIN_DOCS && inProcedures / total >= NAMING_SHARE && top / inProcedures >= NAMING_CONCENTRATION) out.add(f);
    }
    return out;
  }

  normalize(text: string): Normalized {
    return normalize(text, this.lexicon, this.speller);
  }

  understand(text: string): Understanding {
    const norm = this.normalize(text);
    const grams = ngrams(norm.tokens);
    const cued = cueFeatures(norm.tokens, this.cues);
    const base = {
      text,
      malformedCode: norm.malformedCodes[0] ?? null,
      namesProcedure: grams.some((f) => this.namingFeatures.has(f)),
      namesAspect: cued.length > 0,
      normalized: norm.tokens.join(' '),
      procedure: null,
      aspect: null,
      redirect: null,
    };
    // A receipt code (or an attempt at one) decides the intent; no classifier needed.
    if (norm.codes.length > 0 || norm.malformedCodes.length > 0) {
      return { ...base, intent: 'status_lookup', code: norm.codes[0] ?? null, confidence: 1, procedureCandidates: [] };
    }
    const ranked = this.labelModel.predict(grams);
    const procedureCandidates = ranked
      .filter((r) => r.label.startsWith(PROCEDURE_PREFIX))
      .slice(0, 3)
      .map((r) => ({ procedure: r.label.slice(PROCEDURE_PREFIX.length), p: r.p }));
    const top = ranked[0];
    if (top.label.startsWith(PROCEDURE_PREFIX)) {
      const procedure = top.label.slice(PROCEDURE_PREFIX.length);
      return { ...base, intent: 'procedure', procedure, aspect: this.aspectOf(grams, cued), code: null, confidence: top.p, procedureCandidates };
    }
    if (top.label.startsWith(REDIRECT_PREFIX)) {
      return { ...base, intent: 'out_of_scope', redirect: top.label.slice(REDIRECT_PREFIX.length), code: null, confidence: top.p, procedureCandidates };
    }
    const intent: Intent = isIntent(top.label) ? top.label : 'out_of_scope';
    // Out of scope without a known redirect: the whole out-of-scope family backs the intent.
    const confidence = intent === 'out_of_scope' ? ranked.filter((r) => r.label === 'out_of_scope' || r.label.startsWith(REDIRECT_PREFIX)).reduce((a, r) => a + r.p, 0) : top.p;
    return { ...base, intent, code: null, confidence, procedureCandidates };
  }

  /**
   * The aspect model sees no procedure names: "what about it" is asked the same way of every
   * procedure, and procedure words would pull it towards the aspects most common in that file.
   */
  private static withoutNaming(features: readonly string[], naming: ReadonlySet<string>): string[] {
    return features.filter((f) => !naming.has(f));
  }

  private aspectOf(grams: readonly string[], cued: readonly string[]): Aspect {
    const best = this.aspectModel.predict([...NluModel.withoutNaming(grams, this.namingFeatures), ...cued])[0]?.label;
    return isAspect(best) ? best : 'general';
  }
}
