// Who can be told about dossier status changes in this deployment: chat subscribers on the channels whose
// credentials are set, and applicants' phones when a channel offers that and it is configured. Shared by the
// server and the CLI import, so both reach the same people the same way.
import type { ChannelName } from '../core/message';
import type { ChannelLink } from '../pipeline/channel';
import type { NotifyDeps } from '../dossiers/notify';
import type { Config } from './config';

/** The chat channels whose credentials are set (their replies can be sent). */
export function channelsOn(config: Pick<Config, 'channels'>): ChannelName[] {
  return config.channels.map((c) => c.name);
}

export function dossierNotifier(o: {
  config: Pick<Config, 'channels' | 'windows'>;
  /** The outgoing sides of the channels that are on; the first that can reach phones does. */
  links: readonly ChannelLink[];
  stores: NotifyDeps['stores'];
}): NotifyDeps {
  return {
    stores: o.stores,
    channelsOn: channelsOn(o.config),
    windows: o.config.windows,
    phone: o.links.find((l) => l.phone !== null)?.phone ?? null,
  };
}
