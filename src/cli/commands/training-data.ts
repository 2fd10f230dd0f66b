// `training-data`: the examples the classifier learns from, as JSON lines.
import { loadTrainingDataOrThrow } from '../../nlu/load-model';
import { writeJsonLine } from '../io';
import { cliServices } from '../services';

export async function trainingDataCommand(): Promise<number> {
  for (const e of loadTrainingDataOrThrow(cliServices().config.intentsDir).examples) {
    writeJsonLine({
      text: e.text,
      intent: e.intent,
      procedure: e.procedure,
      aspect: e.aspect,
      redirect: e.redirect ?? null,
    });
  }
  return 0;
}
