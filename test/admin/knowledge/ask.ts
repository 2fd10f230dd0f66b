// Ask the bot one question in a fresh web conversation; the answer as one text.
import { randomUUID } from 'node:crypto';
import type { AssistantPort } from '../../../src/core/assistant-port';

export async function ask(assistant: AssistantPort, text: string): Promise<string> {
  const replies = await assistant.respond({
    channel: 'web',
    userId: randomUUID(),
    messageId: randomUUID(),
    kind: 'text',
    text,
    sentAt: new Date(),
  });
  return replies.map((r) => r.text).join('\n');
}
