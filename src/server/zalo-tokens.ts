// The OA token manager of a deployment, for every process that calls the Zalo OpenAPI: the server, and the
// CLI import when it sends ZNS templates (both read and rotate the one pair kept in the store).
import type { Logger } from 'pino';
import { TokenManager } from '../pipeline/token-manager';
import type { TokenStore } from '../store/ports';
import { ZaloOAuthClient } from '../../webhooks/zalo/oauth-client';
import type { ZaloConfig } from './config';

export function zaloTokenManager(
  z: ZaloConfig,
  store: TokenStore,
  logger: Logger,
  o: { timeoutMs: number; refreshBeforeMs: number },
): TokenManager {
  return new TokenManager({
    channel: 'zalo',
    store,
    refresher: new ZaloOAuthClient({
      baseUrl: z.oauthBase,
      appId: z.appId,
      appSecret: z.appSecret,
      timeoutMs: o.timeoutMs,
    }),
    logger,
    refreshBeforeMs: o.refreshBeforeMs,
  });
}
