// Lint on save, as `intents lint` does for the files: a new example is refused when the same sentence
// (after the bot's normalisation) is already an example, or is labelled differently elsewhere.
import type { Problem } from '../../core/problem';
import { compileLexicon } from '../../nlu/lexicon';
import { lintExamples } from '../../nlu/lint';
import { normalize } from '../../nlu/normalize';
import { loadTrainingData, type Example } from '../../nlu/training-data';

export class ExampleLinter {
  private readonly base: Example[];
  private readonly key: (text: string) => string;

  constructor(intentsDir: string) {
    const { data } = loadTrainingData(intentsDir);
    const lexicon = compileLexicon(data.lexicon);
    this.base = data.examples;
    this.key = (t) => normalize(t, lexicon).tokens.join(' ');
  }

  /** The problems the candidate would add to the files' and the staff's examples. */
  problemsOf(candidate: Example, staff: readonly Example[], knownProcedures: ReadonlySet<string>): Problem[] {
    const field = JSON.stringify(candidate.text);
    return lintExamples([...this.base, ...staff, candidate], this.key, knownProcedures).filter((p) => p.file === candidate.source && p.field === field);
  }
}
