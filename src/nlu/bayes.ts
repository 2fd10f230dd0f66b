// Naive Bayes over sparse n-gram features. natural's BayesClassifier does the learning (its
// apparatus learner counts documents per class and feature, with its smoothing); we read the
// learned counts into log-probability tables so a prediction costs one lookup per feature present
// instead of natural's dense pass over the whole vocabulary (which would cap us far below 20k msg/s).
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier';

export interface LabelledFeatures {
  features: readonly string[];
  label: string;
}

export interface Scored {
  label: string;
  p: number;
}

/** Turns a feature list into natural's sparse observation form ({index: featureName}). */
export function toSparse(features: readonly string[]): Record<string, string> {
  const obs: Record<string, string> = {};
  features.forEach((f, i) => {
    obs[i] = f;
  });
  return obs;
}

export class BayesModel {
  private constructor(
    readonly labels: readonly string[],
    private readonly logPrior: Float64Array,
    /** feature → log P(f|c) per label index. */
    private readonly logLikelihood: ReadonlyMap<string, Float64Array>,
    /** log P(f|c) for a feature known to the model but never seen with class c. */
    private readonly logUnseen: Float64Array,
    private temperature: number,
  ) {}

  static train(docs: readonly LabelledFeatures[], smoothing = 1): BayesModel {
    const nb = new BayesClassifier(undefined, smoothing).classifier;
    for (const d of docs) nb.addExample(toSparse(d.features), d.label);
    const labels = Object.keys(nb.classFeatures).sort();
    const logPrior = Float64Array.from(labels, (l) => Math.log(nb.classTotals[l] / nb.totalExamples));
    const logUnseen = Float64Array.from(labels, (l) => Math.log(nb.smoothing / nb.classTotals[l]));
    const table = new Map<string, Float64Array>();
    labels.forEach((label, li) => {
      for (const [feature, count] of Object.entries(nb.classFeatures[label])) {
        let row = table.get(feature);
        if (!row) {
          row = Float64Array.from(logUnseen);
          table.set(feature, row);
        }
        row[li] = Math.log(count / nb.classTotals[label]);
      }
    });
    return new BayesModel(labels, logPrior, table, logUnseen, 1);
  }

  /** Raw log scores per label (natural's probabilityOfClass, in log space; unknown features skipped). */
  logScores(features: readonly string[]): Float64Array {
    const scores = Float64Array.from(this.logPrior);
    for (const f of features) {
      const row = this.logLikelihood.get(f);
      if (!row) continue;
      for (let i = 0; i < scores.length; i++) scores[i] += row[i];
    }
    return scores;
  }

  /** Calibrated probabilities, best first. */
  predict(features: readonly string[]): Scored[] {
    const s = this.logScores(features);
    let max = -Infinity;
    for (const v of s) if (v > max) max = v;
    let sum = 0;
    const e = new Float64Array(s.length);
    for (let i = 0; i < s.length; i++) {
      e[i] = Math.exp((s[i] - max) / this.temperature);
      sum += e[i];
    }
    const out = this.labels.map((label, i) => ({ label, p: e[i] / sum }));
    return out.sort((a, b) => b.p - a.p);
  }

  knows(feature: string): boolean {
    return this.logLikelihood.has(feature);
  }

  setTemperature(t: number): void {
    this.temperature = t;
  }

  getTemperature(): number {
    return this.temperature;
  }

  /** For tests: the unseen-feature log probability per label. */
  unseenLogProbability(label: string): number {
    return this.logUnseen[this.labels.indexOf(label)];
  }
}
