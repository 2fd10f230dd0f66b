// What the accuracy benchmark needs of a classifier: learn labelled texts, then label a text.
export interface PeerExample {
  text: string;
  /** `p:<procedure>`, `x:<redirect>` or the intent (see src/nlu/model.ts labelOf). */
  label: string;
}

export interface Peer {
  name: string;
  train(examples: readonly PeerExample[]): Promise<void>;
  label(text: string): string | Promise<string>;
}
