// An OA's token manager, for every process that calls the Zalo OpenAPI: the server, and the CLI import when it
// sends ZNS templates (all read and rotate the OA's one pair kept in the store, under its lease).
import type { Logger } from 'pino';
import { TokenManager, tokenKey, type ConnectDeps } from '../../src/pipeline/public';
import type { ZaloConfig } from './config';
import { ZaloOAuthClient } from './oauth-client';

/**
 * The OA whose pair a reply uses: the default OA (ZALO_OA_ID, the environment's pair) is kept under the plain
 * channel key, so a one-OA deployment reads the pair it always had; any other OA under its own key.
 */
export function zaloAccount(c: Pick<ZaloConfig, 'oaId'>, account: string | undefined): string | null {
  return account && account !== c.oaId ? account : null;
}

export function zaloTokenKey(c: Pick<ZaloConfig, 'oaId'>, account: string): string {
  return tokenKey('zalo', zaloAccount(c, account));
}

export function zaloTokenManager(
  z: Pick<ZaloConfig, 'oauthBase' | 'appId' | 'appSecret'>,
  store: ConnectDeps['tokens'],
  logger: Logger,
  o: { timeoutMs: number; refreshBeforeMs: number; account?: string | null },
): TokenManager {
  return new TokenManager({
    channel: 'zalo',
    account: o.account ?? null,
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
