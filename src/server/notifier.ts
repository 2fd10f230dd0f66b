// Who can be told about dossier status changes in this deployment: chat subscribers on the channels whose
// credentials are set, and applicants' phones by Zalo ZNS when ZALO_ZNS_TEMPLATE_ID is set. Shared by the
// server and the CLI import, so both reach the same people the same way.
import type { ChannelName } from '../core/message';
import type { NotifyDeps } from '../dossiers/notify';
import type { TokenManager } from '../pipeline/token-manager';
import { ZaloZnsClient } from '../../webhooks/zalo/zns-client';
import { ZaloZnsNotifier } from '../../webhooks/zalo/zns-notifier';
import type { Config } from './config';

/** The chat channels whose credentials are set (their replies can be sent). */
export function channelsOn(config: Pick<Config, 'zalo' | 'messenger'>): ChannelName[] {
  return (['zalo', 'messenger'] as const).filter((ch) => config[ch] !== null);
}

export function dossierNotifier(o: {
  config: Config;
  stores: NotifyDeps['stores'];
  /** The OA token manager (config.zns implies the Zalo channel, so it exists whenever ZNS is set). */
  zaloTokens: TokenManager | null;
  timeoutMs: number;
  onEnqueued?: () => void;
}): NotifyDeps {
  const { zns } = o.config;
  return {
    stores: o.stores,
    channelsOn: channelsOn(o.config),
    phone:
      zns && o.zaloTokens
        ? new ZaloZnsNotifier(
            new ZaloZnsClient({ baseUrl: zns.apiBase, timeoutMs: o.timeoutMs }),
            o.zaloTokens,
            zns.templateId,
          )
        : null,
    onEnqueued: o.onEnqueued,
  };
}
