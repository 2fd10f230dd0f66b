// Grouped k-fold cross-validation of the whole understanding model on the training data: near-
// paraphrases stay in one fold (see nlu/groups.ts), so the figure estimates unseen phrasings.
import { groupFolds, paraphraseGroups } from '../nlu/groups';
import { compileLexicon } from '../nlu/lexicon';
import { DEFAULT_NLU, labelOf, NluModel, type NluOptions } from '../nlu/model';
import { normalize } from '../nlu/normalize';
import type { TrainingData } from '../nlu/training-data';
import { score, type Labelled, type Predicted, type Report } from './score';

export const CV_SEED = 1;

export function crossValidate(data: TrainingData, k: number, options: NluOptions = DEFAULT_NLU): Report {
  if (k < 2) throw new Error(`cross-validation needs at least 2 folds, got ${k}`);
  const lexicon = compileLexicon(data.lexicon);
  const tokens = data.examples.map((e) => normalize(e.text, lexicon).tokens);
  const folds = groupFolds(paraphraseGroups(tokens, data.examples.map(labelOf)), k, CV_SEED);
  const gold: Labelled[] = [];
  const pred: Predicted[] = [];
  for (let f = 0; f < k; f++) {
    const model = NluModel.train(
      { ...data, examples: data.examples.filter((_, i) => folds[i] !== f) },
      options,
    );
    data.examples.forEach((e, i) => {
      if (folds[i] !== f) return;
      gold.push({
        text: e.text,
        intent: e.intent,
        procedure: e.procedure,
        aspect: e.aspect,
        code: null,
        tags: [e.source],
      });
      const u = model.understand(e.text);
      pred.push({
        intent: u.intent,
        procedure: u.procedure,
        aspect: u.aspect,
        code: null,
        confidence: u.confidence,
      });
    });
  }
  return score(gold, pred);
}
