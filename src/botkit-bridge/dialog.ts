// A Botkit dialog (BotkitConversation) that answers the message that started it with the assistant.
// Botkit is loaded only when this is called: the bridge is optional.
import type * as BotkitModule from 'botkit';
import type { Botkit, BotkitConversation, BotWorker } from 'botkit';
import type { AssistantPort } from '../core/assistant-port';
import { toBotkitMessage, toInbound, type IncomingActivityLike } from './mapping';

export const DEFAULT_DIALOG_ID = 'motcua';

function botkitModule(): typeof BotkitModule {
  try {
    return require('botkit') as typeof BotkitModule;
  } catch {
    throw new Error('The motcua Botkit bridge needs botkit 4 installed next to it (npm install botkit)');
  }
}

/** Answer the worker's current message with the assistant, one message per reply bubble. */
export async function answerWith(
  assistant: AssistantPort,
  bot: BotWorker,
  activity: IncomingActivityLike,
): Promise<void> {
  const replies = await assistant.respond(toInbound(activity));
  for (const r of replies) await bot.say(toBotkitMessage(r));
}

/**
 * A dialog that answers the message it was started with. Begin it (`bot.beginDialog('motcua')`)
 * for each message you want the assistant to answer; it ends after answering.
 */
export function createAssistantDialog(
  controller: Botkit,
  assistant: AssistantPort,
  id: string = DEFAULT_DIALOG_ID,
): BotkitConversation {
  const { BotkitConversation: Conversation } = botkitModule();
  const convo = new Conversation(id, controller);
  convo.before('default', async (_convo, bot) => {
    await answerWith(assistant, bot, bot.getConfig('activity') as IncomingActivityLike);
  });
  // The answer is sent by the hook; the thread itself only ends the dialog.
  convo.addAction('complete');
  return convo;
}
