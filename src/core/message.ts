// The channel-neutral message the core understands. Channels translate to and from these.
export type ChannelName = 'zalo' | 'messenger' | 'web' | 'cli' | 'botkit';

export type InboundKind =
  'text' | 'image' | 'sticker' | 'audio' | 'video' | 'file' | 'location' | 'link' | 'other';

export interface InboundMessage {
  channel: ChannelName;
  /** Platform id of the citizen (Zalo user_id_by_app / Messenger PSID / web session id). */
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
   * The client's network address (web chat only: Zalo and Messenger relay through their own servers).
   * Per-address limits count against it, since a web session id is whatever the client says.
   */
  clientAddress?: string;
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
