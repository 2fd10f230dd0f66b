// A Botkit 4 plugin: lets an existing Botkit controller (any adapter) answer with the assistant.
//
//   import { Botkit } from 'botkit';
//   import { motcuaBotkitPlugin } from 'motcua/dist/src/botkit-bridge';
//   controller.usePlugin(motcuaBotkitPlugin({ assistant }));
//
// It registers the dialog `motcua` (`bot.beginDialog('motcua')` has the assistant answer the current
// message) and, unless `answerUnhandled: false`, answers every message that no `hears()` took.
import type { Botkit, BotkitMessage, BotkitPlugin, BotWorker } from 'botkit';
import type { AssistantPort } from '../core/assistant-port';
import { createAssistantDialog, DEFAULT_DIALOG_ID } from './dialog';
import { toBotkitMessage, toInbound } from './mapping';

export interface MotcuaBotkitOptions {
  assistant: AssistantPort;
  dialogId?: string;
  /** Answer messages that no `hears()` matched (default true). */
  answerUnhandled?: boolean;
}

export function motcuaBotkitPlugin(o: MotcuaBotkitOptions): BotkitPlugin {
  const dialogId = o.dialogId ?? DEFAULT_DIALOG_ID;
  return {
    name: 'motcua',
    init(controller: Botkit) {
      controller.addDialog(createAssistantDialog(controller, o.assistant, dialogId));
      if (o.answerUnhandled !== false) {
        controller.on('message', async (bot: BotWorker, message: BotkitMessage) => {
          await answerMessage(o.assistant, bot, message);
        });
      }
    },
  };
}

/** Answer one Botkit message with the assistant (for use in your own handlers). */
export async function answerMessage(
  assistant: AssistantPort,
  bot: BotWorker,
  message: BotkitMessage,
): Promise<void> {
  const replies = await assistant.respond(
    toInbound({ ...message.incoming_message, text: message.text ?? message.incoming_message?.text ?? '' }),
  );
  for (const r of replies) await bot.reply(message, toBotkitMessage(r));
}
