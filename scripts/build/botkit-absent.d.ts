// Stand-in for botkit's types when botkit is not installed (a production install omits it, see
// tsconfig.build.json). Everything is `any`: the Botkit bridge is only type-checked against the real
// package, in development.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type Botkit = any;
export type BotkitMessage = any;
export type BotkitPlugin = any;
export type BotWorker = any;
export type BotkitConversation = any;
export declare const BotkitConversation: any;
