// `intents lint`: training data problems as "file: field: reason"; non-zero exit on any.
import { formatProblem } from '../../core/problem';
import { loadKnowledge } from '../../kb/load';
import { compileLexicon } from '../../nlu/lexicon';
import { lintExamples } from '../../nlu/lint';
import { normalize } from '../../nlu/normalize';
import { loadTrainingData } from '../../nlu/training-data';
import { info } from '../io';
import { cliServices } from '../services';

export async function intentsLintCommand(): Promise<number> {
  const { config } = cliServices();
  const { data, problems } = loadTrainingData(config.intentsDir);
  const { kb } = loadKnowledge(config.knowledgeDir);
  const known = new Set(kb ? kb.procedures.keys() : []);
  const lexicon = compileLexicon(data.lexicon);
  problems.push(...lintExamples(data.examples, (t) => normalize(t, lexicon).tokens.join(' '), known));
  for (const p of problems) process.stdout.write(`${formatProblem(p)}\n`);
  info(`intents lint: ${data.examples.length} examples, ${problems.length} problem(s)`);
  return problems.length ? 1 : 0;
}
