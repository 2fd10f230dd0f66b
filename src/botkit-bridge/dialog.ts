// A BotBuilder dialog that answers every message with the assistant. Botkit (and its dependency
// botbuilder-dialogs) is loaded only when this is called: the bridge is optional.
import path from 'node:path';
import type { Dialog, DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import type { AssistantPort } from '../core/assistant-port';
import { toBotkitMessage, toInbound } from './mapping';

export const DEFAULT_DIALOG_ID = 'motcua';

type DialogsModule = typeof import('botbuilder-dialogs');

/** botbuilder-dialogs as Botkit itself resolves it (it is Botkit's dependency, not ours). */
function dialogsModule(): DialogsModule {
  let from: string;
  try {
    from = path.dirname(require.resolve('botkit'));
  } catch {
    throw new Error('The motcua Botkit bridge needs botkit 4 installed next to it (npm install botkit)');
  }
  return require(require.resolve('botbuilder-dialogs', { paths: [from] })) as DialogsModule;
}

/** Answer the current turn's message with the assistant, one activity per reply bubble. */
export async function answerTurn(assistant: AssistantPort, dc: DialogContext): Promise<void> {
  const replies = await assistant.respond(toInbound(dc.context.activity));
  for (const r of replies) await dc.context.sendActivity(toBotkitMessage(r));
}

/** A dialog that stays active and answers each message of the conversation with the assistant. */
export function createAssistantDialog(assistant: AssistantPort, id: string = DEFAULT_DIALOG_ID): Dialog {
  const { Dialog: DialogBase } = dialogsModule();
  class AssistantDialog extends DialogBase {
    override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
      if (dc.context.activity.type === 'message') await answerTurn(assistant, dc);
      return DialogBase.EndOfTurn;
    }
    override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
      if (dc.context.activity.type === 'message') await answerTurn(assistant, dc);
      return DialogBase.EndOfTurn;
    }
  }
  return new AssistantDialog(id);
}
