// Stand-in for botkit's types when botkit is not installed (a production install omits it, see
// tsconfig.build.json). Only what the bridge touches, loosely typed: the bridge is type-checked against
// the real package in development, and never loaded without it.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type Botkit = any;
export type BotkitMessage = any;
export type BotkitPlugin = any;
export type BotWorker = any;
export declare class BotkitConversation {
  constructor(id: string, controller: Botkit);
  before(thread: string, handler: (convo: any, bot: BotWorker) => Promise<void>): void;
  addAction(action: string, thread?: string): void;
}
