// The few parts of NLP.js (@nlpjs/basic, untyped) the accuracy peer uses.
declare module '@nlpjs/basic' {
  export interface NlpSettings {
    languages?: string[];
    autoSave?: boolean;
    autoLoad?: boolean;
    forceNER?: boolean;
    nlu?: { log?: boolean };
  }
  export class Nlp {
    constructor(settings?: NlpSettings, container?: unknown);
    addLanguage(locale: string): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<{ intent: string; score: number }>;
  }
  export function containerBootstrap(): Promise<unknown>;
}
