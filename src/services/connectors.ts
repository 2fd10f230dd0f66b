// The channels whose accounts an admin can connect from the console (e.g. a commune's Zalo OA by OAuth),
// for the channels that are on and configured for it.
import type { ChannelName } from '../core/message';
import type { AccountConnector } from '../pipeline/channel';
import type { Config } from './config';

/** The token exchange waits this long for the platform. */
const CONNECT_TIMEOUT_MS = 15_000;

export function accountConnectors(config: Pick<Config, 'channels'>): Map<ChannelName, AccountConnector> {
  return new Map(
    config.channels.flatMap((ch) => {
      const c = ch.connector({ timeoutMs: CONNECT_TIMEOUT_MS });
      return c ? [[ch.name, c] as const] : [];
    }),
  );
}
