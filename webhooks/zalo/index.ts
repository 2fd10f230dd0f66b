// The Zalo Official Account channel: webhook at /webhooks/zalo, replies through the OA's customer-service
// API within Zalo's 7-day consultation window, dossier news to applicants' phones by ZNS when configured.
// One Zalo App may serve several OAs (one per commune): each OA has its own token pair in the store.
import type { ChannelPlugin, TokenManager } from '../../src/pipeline/public';
import { ZaloApiClient } from './api-client';
import { zaloConfig, type ZaloConfig } from './config';
import { zaloConnector } from './connector';
import { ZaloChannelSender } from './sender';
import { zaloAccount, zaloTokenManager } from './tokens';
import { parseZalo, verifyZalo, zaloEventTime } from './webhook';
import { ZaloZnsClient } from './zns-client';
import { ZaloZnsNotifier } from './zns-notifier';

const DAY = 24 * 3_600_000;

export const zalo: ChannelPlugin<ZaloConfig> = {
  name: 'zalo',
  path: '/webhooks/zalo',
  // -230/-232 after that.
  windowMs: 7 * DAY,
  pageMeta: { name: 'zalo-platform-site-verification', env: 'ZALO_SITE_VERIFICATION' },
  configFrom: zaloConfig,
  secrets: (c) => [c.oaSecretKey, c.appSecret, c.accessToken, c.refreshToken],
  verify: verifyZalo,
  eventTime: zaloEventTime,
  parse: parseZalo,
  ack: { status: 200, body: { ok: true } },
  connector: zaloConnector,
  connect(c, d) {
    const log = d.logger.child({ channel: 'zalo' });
    const managers = new Map<string | null, TokenManager>();
    let checkEveryMs: number | null = null;
    // One manager per OA, made at its first use; each refreshes proactively once the link has started.
    const tokensFor = (account?: string): TokenManager => {
      const oa = zaloAccount(c, account);
      let m = managers.get(oa);
      if (!m) {
        m = zaloTokenManager(c, d.tokens, d.logger, { ...d, account: oa });
        managers.set(oa, m);
        if (checkEveryMs !== null) m.startProactive(checkEveryMs);
      }
      return m;
    };
    return {
      sender: new ZaloChannelSender(
        new ZaloApiClient({ baseUrl: c.apiBase, timeoutMs: d.timeoutMs }),
        tokensFor,
      ),
      phone: c.zns
        ? new ZaloZnsNotifier(
            new ZaloZnsClient({ baseUrl: c.zns.apiBase, timeoutMs: d.timeoutMs }),
            tokensFor(),
            c.zns.templateId,
          )
        : null,
      async start(o) {
        if (c.refreshToken) {
          const seeded = await tokensFor().seed(c.accessToken, c.refreshToken);
          log.info(
            { source: seeded === 'seeded' ? 'environment (first start)' : 'store' },
            'zalo token pair ready',
          );
        }
        checkEveryMs = o.checkEveryMs;
        for (const m of managers.values()) m.startProactive(o.checkEveryMs);
        // Every commune's OA, used or not: a refresh token unused for 3 months is lost.
        for (const account of o.accounts ?? []) tokensFor(account);
      },
      async stop() {
        checkEveryMs = null;
        for (const m of managers.values()) m.stopProactive();
        await Promise.all([...managers.values()].map((m) => m.settle()));
      },
    };
  },
};
