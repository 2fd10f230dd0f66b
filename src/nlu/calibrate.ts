// Confidence calibration: pick the softmax temperature that minimises the negative log-likelihood
// of held-out folds, so that "confidence 0.8" means right about 80% of the time.
import { BayesModel, type LabelledFeatures } from './bayes';

const GRID = [0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32];

export function crossValidatedScores(docs: readonly LabelledFeatures[], folds: number): Array<{ scores: Float64Array; labels: readonly string[]; truth: string }> {
  const out: Array<{ scores: Float64Array; labels: readonly string[]; truth: string }> = [];
  for (let k = 0; k < folds; k++) {
    const train = docs.filter((_, i) => i % folds !== k);
    const test = docs.filter((_, i) => i % folds === k);
    const model = BayesModel.train(train);
    for (const d of test) out.push({ scores: model.logScores(d.features), labels: model.labels, truth: d.label });
  }
  return out;
}

function nll(rows: ReturnType<typeof crossValidatedScores>, t: number): number {
  let total = 0;
  for (const { scores, labels, truth } of rows) {
    const ti = labels.indexOf(truth);
    if (ti < 0) continue;
    let max = -Infinity;
    for (const v of scores) if (v > max) max = v;
    let sum = 0;
    for (const v of scores) sum += Math.exp((v - max) / t);
    total -= (scores[ti] - max) / t - Math.log(sum);
  }
  return total;
}

export function fitTemperature(docs: readonly LabelledFeatures[], folds = 4): number {
  const rows = crossValidatedScores(docs, folds);
  let best = 1;
  let bestNll = Infinity;
  for (const t of GRID) {
    const v = nll(rows, t);
    if (v < bestNll) {
      bestNll = v;
      best = t;
    }
  }
  return best;
}
