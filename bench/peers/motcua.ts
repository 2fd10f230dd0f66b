// motcua's own model behind the peer interface, so the benchmark treats all three alike.
import { labelOf, NluModel } from '../../src/nlu/model';
import type { TrainingData } from '../../src/nlu/training-data';
import type { Understanding } from '../../src/nlu/understanding';
import type { Peer, PeerExample } from './peer';

export function labelOfUnderstanding(u: Understanding): string {
  return labelOf({ intent: u.intent, procedure: u.procedure, redirect: u.redirect ?? undefined });
}

export class MotcuaPeer implements Peer {
  readonly name = 'motcua';
  private model: NluModel | null = null;

  /** The lexicon and aspect cues come with the training data; the examples are the shared ones. */
  constructor(private readonly data: TrainingData) {}

  async train(examples: readonly PeerExample[]): Promise<void> {
    if (examples.length !== this.data.examples.length)
      throw new Error('motcua peer: examples differ from its training data');
    this.model = NluModel.train(this.data);
  }

  label(text: string): string {
    if (!this.model) throw new Error('motcua peer used before training');
    return labelOfUnderstanding(this.model.understand(text));
  }
}
