// Told about each understood turn after the reply is settled: what is made of it (statistics, the inbox of
// unanswered questions...) is the observer's business, not the assistant's.
import type { InboundMessage } from '../core/message';
import type { Decision } from '../dialogue/decide';
import type { Understanding } from '../nlu/understanding';

export interface ObservedTurn {
  msg: InboundMessage;
  understanding: Understanding;
  decision: Decision;
  now: Date;
}

export interface TurnObserver {
  observe(turn: ObservedTurn): Promise<void>;
}
