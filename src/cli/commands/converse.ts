// `converse [--store live]`: JSON lines {conversation, text, commune?} → one JSON line per input with what the bot
// understood (in context) and exactly the replies the citizen would receive in that commune's chat (absent:
// the default commune). State is kept per conversation id, on a scratch store unless --store live.
import { randomUUID } from 'node:crypto';
import type { Assistant } from '../../assistant';
import { info, stdinLines, writeJsonLine } from '../io';
import { cliServices, storeFlag } from '../services';

export async function converseTurn(
  assistant: Assistant,
  run: string,
  conversation: string,
  text: string,
  commune?: string,
) {
  const t = await assistant.turn({
    channel: 'cli',
    userId: `${run}:${conversation}`,
    messageId: randomUUID(),
    kind: 'text',
    text,
    sentAt: new Date(),
    ...(commune === undefined ? {} : { commune }),
  });
  const u = t.understanding;
  return {
    conversation,
    intent: t.decision?.intent ?? null,
    procedure: t.decision?.procedure ?? null,
    aspect: t.decision?.aspect ?? null,
    code: t.decision?.code ?? null,
    confidence: u ? Math.round(u.confidence * 1000) / 1000 : null,
    replies: t.replies,
  };
}

export async function converseCommand(args: string[]): Promise<number> {
  const flag = storeFlag(args);
  if ('problem' in flag) {
    info(flag.problem);
    return 2;
  }
  const store = flag.mode;
  const services = cliServices({ store, seedDemo: true });
  const assistant = await services.assistant();
  // A fresh namespace per run: the same conversation ids in another run start a new conversation.
  const run = randomUUID();
  let bad = 0;
  try {
    for await (const line of stdinLines()) {
      if (!line.trim()) continue;
      let input: { conversation?: unknown; text?: unknown; commune?: unknown };
      try {
        input = JSON.parse(line) as typeof input;
      } catch {
        input = {};
      }
      if (typeof input.conversation !== 'string' || typeof input.text !== 'string') {
        bad++;
        info(
          `converse: skipped a line that is not {"conversation": string, "text": string}: ${line.slice(0, 80)}`,
        );
        writeJsonLine({
          error: 'expected {"conversation": string, "text": string}',
          line: line.slice(0, 200),
        });
        continue;
      }
      const communes = assistant.knowledge.current().communes;
      if (
        input.commune !== undefined &&
        (typeof input.commune !== 'string' || !communes.has(input.commune))
      ) {
        bad++;
        const known = [...communes.keys()].join(', ');
        info(`converse: skipped a line naming an unknown commune (known: ${known}): ${line.slice(0, 80)}`);
        writeJsonLine({ error: `"commune" must be one of: ${known}`, line: line.slice(0, 200) });
        continue;
      }
      writeJsonLine(await converseTurn(assistant, run, input.conversation, input.text, input.commune));
    }
  } finally {
    await services.close();
  }
  return bad ? 1 : 0;
}
