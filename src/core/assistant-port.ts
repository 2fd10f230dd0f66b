import type { InboundMessage, Reply } from './message';

/** What a channel needs from the core: the replies to one inbound message, in order. */
export interface AssistantPort {
  respond(msg: InboundMessage): Promise<Reply[]>;
}
