// A tiny AssistantPort for unit tests: echoes text, says it reads text only otherwise.
import type { AssistantPort } from '../../../src/core/assistant-port';
import type { InboundMessage, Reply } from '../../../src/core/message';
import { TEXT_ONLY_REPLY } from '../../../src/dialogue/channel-texts';

export class StubAssistant implements AssistantPort {
  seen: InboundMessage[] = [];
  /** Extra parts per answer (to exercise split replies). */
  parts = 1;
  delayMs = 0;
  failWith: Error | null = null;

  async respond(msg: InboundMessage): Promise<Reply[]> {
    this.seen.push(msg);
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.failWith) throw this.failWith;
    if (msg.kind !== 'text') return [TEXT_ONLY_REPLY];
    return Array.from({ length: this.parts }, (_, i) => ({
      text: `Trả lời: ${msg.text}${this.parts > 1 ? ` (${i + 1}/${this.parts})` : ''}`,
      options: [],
    }));
  }
}
