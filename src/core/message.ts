// The channel-neutral message the core understands. Channels translate to and from these.

/**
 * Which channel a conversation is on: a messaging channel's own name (the plugins listed in
 * webhooks/channels.ts), or 'web', 'cli' or 'botkit'. Open, so a channel is added without touching the core.
 */
export type ChannelName = string;

export type InboundKind =
  'text' | 'image' | 'sticker' | 'audio' | 'video' | 'file' | 'location' | 'link' | 'other';

export interface InboundMessage {
  channel: ChannelName;
  /** The citizen's id on the platform (the id the platform gives an app, or the web session id). */
  userId: string;
  /** Platform message id, unique per channel; used for dedupe. */
  messageId: string;
  kind: InboundKind;
  /** The text for kind 'text' (and a caption where a platform gives one). */
  text: string;
  /** Display name when the channel gives one. */
  displayName?: string;
  /** When the platform says the citizen sent it. */
  sentAt: Date;
  /**
   * The client's network address (web chat only: messaging platforms relay through their own servers).
   * Per-address limits count against it, since a web session id is whatever the client says.
   */
  clientAddress?: string;
  /** The commune the citizen wrote to (its id in knowledge/communes/); absent = the default commune. */
  commune?: string;
  /** The platform account the citizen wrote to (Zalo OA id, Messenger Page id), when the channel says. */
  account?: string;
}

/** One chat bubble: text plus up to a few quick-reply options. */
export interface Reply {
  text: string;
  options: string[];
}

/** Conversation ids are unique across channels. */
export function conversationIdOf(m: Pick<InboundMessage, 'channel' | 'userId'>): string {
  return `${m.channel}:${m.userId}`;
}
