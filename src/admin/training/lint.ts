// Checks on save, as `intents lint` does for the files: a new example that collides with another label
// (the same sentence after the bot's normalisation) is found, with where it comes from. A sentence already
// taught with the same label adds nothing: it is recognised as known instead.
import { compileLexicon } from '../../nlu/lexicon';
import { normalize } from '../../nlu/normalize';
import { loadTrainingData, type Example } from '../../nlu/training-data';

export const labelOf = (e: Pick<Example, 'intent' | 'procedure' | 'aspect'>) =>
  `${e.intent}/${e.procedure ?? ''}/${e.aspect ?? ''}`;

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

  /** The two texts are one sentence for the bot. */
  same(a: string, b: string): boolean {
    return this.key(a) === this.key(b);
  }

  /** The files or the staff's examples already teach this sentence with this label. */
  isKnown(candidate: Example, staff: readonly Example[]): boolean {
    const k = this.key(candidate.text);
    const label = labelOf(candidate);
    return (
      this.baseLabels.get(k)?.has(label) === true ||
      staff.some((e) => labelOf(e) === label && this.key(e.text) === k)
    );
  }

  /** An example of the files with the same sentence and another label (staff examples are replaced, not refused). */
  fileCollision(candidate: Example): Example | null {
    const k = this.key(candidate.text);
    const label = labelOf(candidate);
    return this.base.find((e) => labelOf(e) !== label && this.key(e.text) === k) ?? null;
  }
}
