// Optional Botkit bridge. Botkit 4 is an optional peer dependency: only this folder refers to it.
export { motcuaBotkitPlugin, answerMessage, type MotcuaBotkitOptions } from './plugin';
export { createAssistantDialog, answerWith, DEFAULT_DIALOG_ID } from './dialog';
export { toBotkitMessage, toInbound, type IncomingActivityLike } from './mapping';
