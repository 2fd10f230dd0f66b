import type { ElsewhereEntry } from './elsewhere-schema';
import type { ProcedureOverride } from './override';
import type { Commune, Procedure, Province } from './schema';

/**
 * One consistent, validated version of the knowledge of a province: its communes, what the province
 * decides, the shared procedures, each commune's overrides and the redirect catalogue.
 * `forCommune(kb, id)` gives the view of one commune (its profile, the procedures as they apply there).
 */
export interface KnowledgeBase {
  /** The profile of the commune this view is for (in the whole knowledge: the default commune). */
  commune: Commune;
  /** Every commune by id. */
  communes: ReadonlyMap<string, Commune>;
  province: Province;
  /** The first commune by id: used when a message names none. */
  defaultCommune: string;
  /** The shared procedures by id (in a commune's view: with the province fees and its overrides applied). */
  procedures: ReadonlyMap<string, Procedure>;
  /** Commune id → procedure id → the fields that commune changes. */
  overrides: ReadonlyMap<string, ReadonlyMap<string, ProcedureOverride>>;
  /** Procedures the bot does not guide, by id: who handles them, where and how (knowledge/elsewhere/). */
  elsewhere: ReadonlyMap<string, ElsewhereEntry>;
  /** Where this version came from ("files" or "store v12"), shown to staff. */
  source: string;
}
