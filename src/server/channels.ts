// The messaging channels of this build: each is one folder under webhooks/ exporting one ChannelPlugin.
// Adding a channel is its folder plus one line here; configuration, secrets, webhook routes, senders,
// consultation windows and notifiers all follow from this list.
import type { ChannelPlugin } from '../pipeline/channel';
import { messenger } from '../../webhooks/messenger';
import { zalo } from '../../webhooks/zalo';

// Each plugin has its own settings type; the list only carries them through (see channelOn).
export type AnyChannelPlugin = ChannelPlugin<any>;

export const CHANNELS: readonly AnyChannelPlugin[] = [zalo, messenger];
