// The Zalo Official Account channel: webhook at /webhooks/zalo, replies through the OA's customer-service
// API within Zalo's 7-day consultation window, dossier news to applicants' phones by ZNS when configured.
import type { ChannelPlugin } from '../../src/pipeline/public';
import { ZaloApiClient } from './api-client';
import { zaloConfig, type ZaloConfig } from './config';
import { ZaloChannelSender } from './sender';
import { zaloTokenManager } from './tokens';
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
  connect(c, d) {
    const tokens = zaloTokenManager(c, d.tokens, d.logger, d);
    const log = d.logger.child({ channel: 'zalo' });
    return {
      sender: new ZaloChannelSender(
        new ZaloApiClient({ baseUrl: c.apiBase, timeoutMs: d.timeoutMs }),
        tokens,
      ),
      phone: c.zns
        ? new ZaloZnsNotifier(
            new ZaloZnsClient({ baseUrl: c.zns.apiBase, timeoutMs: d.timeoutMs }),
            tokens,
            c.zns.templateId,
          )
        : null,
      async start(o) {
        const seeded = await tokens.seed(c.accessToken, c.refreshToken);
        log.info(
          { source: seeded === 'seeded' ? 'environment (first start)' : 'store' },
          'zalo token pair ready',
        );
        tokens.startProactive(o.checkEveryMs);
      },
      async stop() {
        tokens.stopProactive();
        await tokens.settle();
      },
    };
  },
};
