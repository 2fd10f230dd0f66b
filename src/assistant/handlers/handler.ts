// What a plan handler sees of a turn, and what it returns. Handlers carry out one kind of plan: the
// decision is already made (dialogue/decide.ts); they look things up and act through the ports.
import type { InboundMessage } from '../../core/message';
import type { Decision, Plan } from '../../dialogue/decide';
import type { Draft } from '../../dialogue/draft';
import type { DialogueState } from '../../dialogue/state';
import type { KnowledgeBase } from '../../kb/knowledge-base';
import type { Dossier, HandoffReason } from '../../store/ports';

/** The side effects a handler may cause, bound to the citizen and the moment of the turn. */
export interface TurnPorts {
  /** Counts a receipt-code lookup against the abuse limits; false when it is over them. */
  lookupAllowed(): Promise<boolean>;
  /** The dossier of a code, from the store or the remote system ('unavailable': the remote is down). */
  findDossier(code: string): Promise<Dossier | 'unavailable' | null>;
  /** Tells the citizen when the dossier's status changes. */
  subscribe(code: string): Promise<void>;
  /** Files a complaint; the ticket number. */
  fileComplaint(text: string): Promise<string>;
  /** Queues the conversation for a person; false when the limits refuse a new request. */
  openHandoff(reason: HandoffReason): Promise<boolean>;
}

export interface TurnContext {
  readonly decision: Decision;
  /** The state before the turn. */
  readonly state: DialogueState;
  /** The state carried on unless the handler says more: what the bot offered is forgotten. */
  readonly base: DialogueState;
  readonly kb: KnowledgeBase;
  /** Procedure id → display name in the current knowledge. */
  readonly names: ReadonlyMap<string, string>;
  readonly msg: InboundMessage;
  readonly now: Date;
  /** The commune's calendar day (for what is valid today). */
  readonly today: string;
  readonly ports: TurnPorts;
}

export interface Outcome {
  draft: Draft;
  next: DialogueState;
}

/** The plan of one kind (an intersection, so that a member covering several kinds is narrowed too). */
export type PlanOf<K extends Plan['kind']> = Plan & { kind: K };

export type Handler<K extends Plan['kind']> = (plan: PlanOf<K>, t: TurnContext) => Outcome | Promise<Outcome>;

/** One handler per plan kind: a kind without one does not compile. */
export type Handlers = { readonly [K in Plan['kind']]: Handler<K> };

/** The bot could not help with this message: one more failure in a row. */
export function failed(t: TurnContext, draft: Draft): Outcome {
  return { draft, next: { ...t.base, failures: t.state.failures + 1 } };
}
