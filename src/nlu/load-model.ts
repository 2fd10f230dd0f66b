// Builds the understanding model from the intents/ folder, failing loudly on unusable data.
import { formatProblem } from '../core/problem';
import { NluModel } from './model';
import { loadTrainingData, type TrainingData } from './training-data';

export function loadTrainingDataOrThrow(dir: string): TrainingData {
  const { data, problems } = loadTrainingData(dir);
  const fatal = problems.filter(
    (p) => p.field === '(file)' || p.field === 'intent' || p.field === 'procedure',
  );
  if (fatal.length)
    throw new Error(`training data in ${dir} cannot be used:\n${fatal.map(formatProblem).join('\n')}`);
  if (data.examples.length === 0) throw new Error(`training data in ${dir} has no examples`);
  return data;
}

export function loadModel(dir: string): NluModel {
  return NluModel.train(loadTrainingDataOrThrow(dir));
}
