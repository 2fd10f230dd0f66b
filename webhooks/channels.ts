// The messaging channels of this build: each is one folder under webhooks/ exporting one ChannelPlugin.
// Adding a channel is its folder plus one line here; configuration, secrets, webhook routes, senders,
// consultation windows and notifiers all follow from this list.
import type { AnyChannelPlugin } from '../src/pipeline/channel';
import { messenger } from './messenger';
import { zalo } from './zalo';

export const CHANNELS: readonly AnyChannelPlugin[] = [zalo, messenger];
