// Builds the assistant from the data folders and the store ports.
import { KnowledgeHolder } from '../kb/holder';
import type { Problem } from '../core/problem';
import { loadTrainingDataOrThrow } from '../nlu/load-model';
import { NluModel } from '../nlu/model';
import type { Stores } from '../store/ports';
import { Assistant, type AssistantOptions, type AssistantStores } from './assistant';
import { recorder } from './recorder';

export { Assistant } from './assistant';
export type { AssistantOptions, AssistantStores, Turn } from './assistant';
export type { ObservedTurn, TurnObserver } from './turn-observer';

export interface LoadOptions extends AssistantOptions {
  knowledgeDir: string;
  intentsDir: string;
  /** The assistant's stores, and those the service records each turn in. */
  stores: AssistantStores & Pick<Stores, 'analytics' | 'unanswered'>;
  /** The knowledge to answer from when the caller holds it already (else opened from knowledgeDir). */
  knowledge?: KnowledgeHolder;
  /** Pick up edits of knowledge/ files without a restart. */
  watchKnowledge?: boolean;
  onKnowledgeProblems?: (problems: Problem[]) => void;
}

export async function loadAssistant(o: LoadOptions): Promise<Assistant> {
  const knowledge = o.knowledge ?? KnowledgeHolder.open(o.knowledgeDir, o.onKnowledgeProblems);
  if (o.watchKnowledge) knowledge.watch();
  const training = loadTrainingDataOrThrow(o.intentsDir);
  // The service's recording unless the caller observes the turns itself.
  const observer = o.observer ?? recorder(o.stores);
  return new Assistant(NluModel.train(training), training, knowledge, o.stores, { ...o, observer });
}
