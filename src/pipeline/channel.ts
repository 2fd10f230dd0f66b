// What a messaging channel is to the rest of the system. Each channel is one folder under webhooks/ exporting
// one ChannelPlugin; the composition root lists them (webhooks/channels.ts) and one generic webhook route
// (src/server/webhook-route.ts) does the shared HTTP work. Nothing here knows Express or any platform.
import type { Logger } from 'pino';
import type { ChannelName, InboundMessage, Reply } from '../core/message';
import type { TokenPair, TokenStore } from '../store/ports';

/** What the outbox sender needs from a channel: deliver one reply bubble to one citizen. */
export interface ChannelSender {
  readonly channel: ChannelName;
  /**
   * Resolves with the platform's message id; rejects with a SendError (see ./errors). `account` is the
   * platform account (Zalo OA, Messenger Page) the reply goes out from; absent = the channel's default one.
   */
  send(userId: string, reply: Reply, account?: string): Promise<{ messageId: string }>;
  /**
   * Whether this reply reached the citizen at or after `since`, read back from the platform's recent
   * conversation (when the platform takes no idempotency key). Rejects when the platform cannot be asked;
   * a channel without it leaves it out.
   */
  delivered?(userId: string, reply: Reply, since: Date, account?: string): Promise<boolean>;
}

/** Connecting one account of the channel (e.g. a commune's Zalo OA) through the platform's OAuth consent. */
export interface AccountConnector {
  /** The consent page an admin is sent to; the platform comes back to the channel's redirect URI. */
  consentUrl(o: { state: string; codeChallenge: string }): string;
  /** The callback's code (with the PKCE verifier) exchanged for the account's token pair. */
  exchange(code: string, codeVerifier: string): Promise<TokenPair>;
  /** Where the account's pair is kept (the key the channel's sender reads it from). */
  tokenKey(account: string): string;
}

export type Env = Record<string, string | undefined>;

/** An HTTP request as a channel sees it: no framework, header names in lower case, the body's exact bytes. */
export interface RawRequest {
  method: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  rawBody: Buffer;
}

/** An HTTP answer: a string body is sent as is (with `type`), anything else as JSON. */
export interface WebhookAnswer {
  status: number;
  body: string | object;
  type?: string;
  /** Logged by the route (info when 2xx, warn otherwise). */
  note?: string;
}

/** What `verify` made of a POST. */
export type Verdict =
  /** Authentic: the parsed body goes on to the replay check and `parse`. */
  | { kind: 'event'; body: unknown }
  /** Authentic but nothing to act on: acknowledged so the platform does not resend it. */
  | { kind: 'ignore'; reason: string }
  /** Refused (and counted): 401 for authentication and replays, 400 for a signed body that is no event. */
  | { kind: 'refuse'; status: 400 | 401; reason: string };

export type ChannelEvent =
  | { type: 'message'; message: InboundMessage }
  /** A real interaction that opens the consultation window but needs no answer (a follow, a form answer). */
  | { type: 'interaction'; userId: string; at: Date }
  | { type: 'ignore'; reason: string; event?: string };

/** Sends the status template to a phone number (e.g. by ZNS); rejects when it was not accepted. */
export interface PhoneNotifier {
  send(phone: string, data: Record<string, string>, trackingId: string): Promise<void>;
}

/** What a channel's outgoing side may use from the process. */
export interface ConnectDeps {
  tokens: TokenStore;
  logger: Logger;
  timeoutMs: number;
  /** Refresh access tokens when less than this remains. */
  refreshBeforeMs: number;
}

/** A channel's outgoing side for one process. */
export interface ChannelLink {
  sender: ChannelSender;
  /** Tells applicants' phones about dossier status changes, when the channel offers it and it is configured. */
  phone: PhoneNotifier | null;
  /** Background work of the channel (e.g. proactive token refresh), started with the pipeline. */
  start?(o: {
    checkEveryMs: number;
    /** The channel's accounts of every commune, so each one's tokens stay fresh even while it is quiet. */
    accounts?: readonly string[];
  }): Promise<void>;
  /** Stops that work and waits for anything half-way (a token refresh) to finish. */
  stop?(): Promise<void>;
}

export interface ChannelPlugin<C> {
  readonly name: ChannelName;
  /** Where the platform posts its events. */
  readonly path: string;
  /** How long after the citizen's last interaction a reply may still be sent; null when unlimited. */
  readonly windowMs: number | null;
  /** A meta tag the web chat page must carry for the platform's domain verification (content from `env`). */
  readonly pageMeta?: { name: string; env: string };
  /** The channel's settings, or null when its credentials are absent; throws ConfigError when half-set. */
  configFrom(env: Env): C | null;
  /** Values that must never appear in logs. */
  secrets(c: C): Array<string | undefined>;
  /** Answers a GET on the path (subscription handshakes); without it a GET is not found. */
  handshake?(req: RawRequest, c: C): WebhookAnswer;
  verify(req: RawRequest, c: C): Verdict;
  /** When the (verified) event happened, in ms, for the replay check; null when the body does not say. */
  eventTime(body: unknown): number | null;
  parse(body: unknown, c: C): ChannelEvent[];
  /** The acknowledgement the platform expects once an event is stored. */
  readonly ack: WebhookAnswer;
  connect(c: C, deps: ConnectDeps): ChannelLink;
  /** Connecting an account from the console, when the channel offers it and it is configured. */
  connector?(c: C, o: { timeoutMs: number }): AccountConnector | null;
}

// Each plugin has its own settings type; a list of them only carries them through (see channelOn).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyChannelPlugin = ChannelPlugin<any>;

/** A channel that is on, its settings bound in: what the rest of the process handles. */
export interface ChannelOn {
  readonly name: ChannelName;
  readonly path: string;
  /** The settings, for diagnostics and tests. */
  readonly settings: unknown;
  readonly secrets: Array<string | undefined>;
  handshake: ((req: RawRequest) => WebhookAnswer) | null;
  verify(req: RawRequest): Verdict;
  eventTime(body: unknown): number | null;
  parse(body: unknown): ChannelEvent[];
  readonly ack: WebhookAnswer;
  connect(deps: ConnectDeps): ChannelLink;
  connector(o: { timeoutMs: number }): AccountConnector | null;
}

/** The plugin's channel when its credentials are in `env`, else null. */
export function channelOn<C>(p: ChannelPlugin<C>, env: Env): ChannelOn | null {
  const c = p.configFrom(env);
  if (c === null) return null;
  const handshake = p.handshake?.bind(p);
  return {
    name: p.name,
    path: p.path,
    settings: c,
    secrets: p.secrets(c),
    handshake: handshake ? (req) => handshake(req, c) : null,
    verify: (req) => p.verify(req, c),
    eventTime: (body) => p.eventTime(body),
    parse: (body) => p.parse(body, c),
    ack: p.ack,
    connect: (deps) => p.connect(c, deps),
    connector: (o) => p.connector?.(c, o) ?? null,
  };
}
