// NLP.js (its own tokeniser, normaliser and neural intent classifier) trained on the same examples.
// Vietnamese has no language pack in @nlpjs/basic: NLP.js falls back to its generic tokeniser and
// diacritic-stripping normaliser, which is what a team trying it out would get.
import { containerBootstrap, Nlp } from '@nlpjs/basic';
import type { Peer, PeerExample } from './peer';

const LOCALE = 'vi';

export class NlpJsPeer implements Peer {
  readonly name = 'NLP.js';
  private nlp: Nlp | null = null;
  private fallback = 'out_of_scope';

  async train(examples: readonly PeerExample[]): Promise<void> {
    const nlp = new Nlp(
      { languages: [LOCALE], autoSave: false, autoLoad: false, forceNER: false, nlu: { log: false } },
      await containerBootstrap(),
    );
    nlp.addLanguage(LOCALE);
    for (const e of examples) nlp.addDocument(LOCALE, e.text, e.label);
    await nlp.train();
    this.nlp = nlp;
  }

  async label(text: string): Promise<string> {
    if (!this.nlp) throw new Error('NLP.js peer used before training');
    const r = await this.nlp.process(LOCALE, text);
    // NLP.js answers "None" when no intent scores well enough: that is our out-of-scope.
    return r.intent && r.intent !== 'None' ? r.intent : this.fallback;
  }
}
