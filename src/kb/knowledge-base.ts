import type { ElsewhereEntry } from './elsewhere-schema';
import type { Commune, Procedure } from './schema';

/** One consistent, validated version of the knowledge: the commune profile, its procedures and the redirect catalogue. */
export interface KnowledgeBase {
  commune: Commune;
  procedures: ReadonlyMap<string, Procedure>;
  /** Procedures the bot does not guide, by id: who handles them, where and how (knowledge/elsewhere/). */
  elsewhere: ReadonlyMap<string, ElsewhereEntry>;
  /** Where this version came from ("files" or "store v12"), shown to staff. */
  source: string;
}
