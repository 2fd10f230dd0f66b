import type { Commune, Procedure } from './schema';

/** One consistent, validated version of the knowledge: the commune profile and its procedures. */
export interface KnowledgeBase {
  commune: Commune;
  procedures: ReadonlyMap<string, Procedure>;
  /** Where this version came from ("files" or "store v12"), shown to staff. */
  source: string;
}
