// Everything a channel folder (webhooks/<channel>/) may use from the pipeline, in one place: channels build
// on this module, never on the pipeline's internals.
export type {
  AccountConnector,
  ChannelEvent,
  ChannelLink,
  ChannelPlugin,
  ChannelSender,
  ConnectDeps,
  Env,
  PhoneNotifier,
  RawRequest,
  Verdict,
  WebhookAnswer,
} from './channel';
export { SendError, type SendErrorKind } from './errors';
export { sentSince, type ConversationMessage } from './sent-since';
export { TokenManager, tokenKey, type TokenRefresher } from './token-manager';
export { errText } from './err-text';
export { userRef } from './user-ref';
export type { PipelineObserver } from './observer';
export { BAD_MESSAGE_TEXT, TECHNICAL_PROBLEM_REPLY, TOO_FAST_TEXT } from '../dialogue/channel-texts';
export { ConfigError, int, need, opt, parseEnv, url } from '../config/parse-env';
export { addressKey } from '../core/address-key';
export type { TokenPair } from '../store/ports';
export type { InboundKind, InboundMessage, Reply } from '../core/message';
export type { AssistantPort } from '../core/assistant-port';
