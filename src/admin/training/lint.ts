// Lint on save, as `intents lint` does for the files: a new example that collides with another label
// (the same sentence after the bot's normalisation) is refused. A sentence already taught with the same
// label adds nothing: it is recognised as known instead.
import type { Problem } from '../../core/problem';
import { compileLexicon } from '../../nlu/lexicon';
import { lintExamples } from '../../nlu/lint';
import { normalize } from '../../nlu/normalize';
import { loadTrainingData, type Example } from '../../nlu/training-data';

const labelOf = (e: Example) => `${e.intent}/${e.procedure ?? ''}/${e.aspect ?? ''}`;

export class ExampleLinter {
  private readonly base: Example[];
  private readonly key: (text: string) => string;
  /** Normalised sentence → the labels the files give it. */
  private readonly baseLabels = new Map<string, Set<string>>();

  constructor(intentsDir: string) {
    const { data } = loadTrainingData(intentsDir);
    const lexicon = compileLexicon(data.lexicon);
    this.base = data.examples;
    this.key = (t) => normalize(t, lexicon).tokens.join(' ');
    for (const e of this.base) {
      const k = this.key(e.text);
      this.baseLabels.set(k, (this.baseLabels.get(k) ?? new Set()).add(labelOf(e)));
    }
  }

  /** The bot already learns this sentence with this label (from the files or the staff's examples). */
  isKnown(candidate: Example, staff: readonly Example[]): boolean {
    const k = this.key(candidate.text);
    const label = labelOf(candidate);
    return this.baseLabels.get(k)?.has(label) === true || staff.some((e) => labelOf(e) === label && this.key(e.text) === k);
  }

  /** The problems the candidate would add to the files' and the staff's examples. */
  problemsOf(candidate: Example, staff: readonly Example[], knownProcedures: ReadonlySet<string>): Problem[] {
    const field = JSON.stringify(candidate.text);
    return lintExamples([...this.base, ...staff, candidate], this.key, knownProcedures).filter((p) => p.file === candidate.source && p.field === field);
  }
}
