// The Zalo OA channel's settings from the environment: off when no ZALO_ credential is set, refused when
// only some are (a token without its secret is a half-configured channel).
import { z } from 'zod';
import { ConfigError, need, opt, parseEnv, url, type Env } from '../../src/pipeline/public';

export interface ZaloConfig {
  appId: string;
  oaSecretKey: string;
  appSecret: string;
  accessToken: string | undefined;
  refreshToken: string;
  oaId: string | undefined;
  apiBase: string;
  oauthBase: string;
  /** ZNS template messages for dossier status news (same OA, same token); null when not configured. */
  zns: ZnsConfig | null;
}

export interface ZnsConfig {
  templateId: string;
  apiBase: string;
}

const schema = z.object({
  ZALO_APP_ID: opt,
  ZALO_OA_SECRET_KEY: opt,
  ZALO_APP_SECRET: opt,
  ZALO_OA_ACCESS_TOKEN: opt,
  ZALO_OA_REFRESH_TOKEN: opt,
  ZALO_OA_ID: opt,
  ZALO_API_BASE: url.default('https://openapi.zalo.me'),
  ZALO_OAUTH_BASE: url.default('https://oauth.zaloapp.com'),
  ZALO_ZNS_TEMPLATE_ID: opt,
  ZALO_ZNS_API_BASE: url.default('https://business.openapi.zalo.me'),
});

const CREDENTIALS = [
  'ZALO_APP_ID',
  'ZALO_OA_SECRET_KEY',
  'ZALO_APP_SECRET',
  'ZALO_OA_ACCESS_TOKEN',
  'ZALO_OA_REFRESH_TOKEN',
  'ZALO_OA_ID',
] as const;

export function zaloConfig(env: Env): ZaloConfig | null {
  const e = parseEnv(schema, env);
  const first = CREDENTIALS.find((k) => e[k]);
  if (!first) {
    if (e.ZALO_ZNS_TEMPLATE_ID)
      throw new ConfigError(
        'ZALO_ZNS_TEMPLATE_ID',
        'needs the Zalo channel (ZALO_APP_ID and the other ZALO_ credentials)',
      );
    return null;
  }
  // In this order, so that the first missing one is named.
  const appId = need(e.ZALO_APP_ID, 'ZALO_APP_ID', first);
  const oaSecretKey = need(e.ZALO_OA_SECRET_KEY, 'ZALO_OA_SECRET_KEY', first);
  const appSecret = need(e.ZALO_APP_SECRET, 'ZALO_APP_SECRET', first);
  const refreshToken = need(e.ZALO_OA_REFRESH_TOKEN, 'ZALO_OA_REFRESH_TOKEN', first);
  if (!/^\d+$/.test(appId)) throw new ConfigError('ZALO_APP_ID', 'must be the numeric App ID');
  if (e.ZALO_OA_ID && !/^\d+$/.test(e.ZALO_OA_ID))
    throw new ConfigError('ZALO_OA_ID', 'must be the numeric OA id');
  return {
    appId,
    oaSecretKey,
    appSecret,
    accessToken: e.ZALO_OA_ACCESS_TOKEN,
    refreshToken,
    oaId: e.ZALO_OA_ID,
    apiBase: e.ZALO_API_BASE,
    oauthBase: e.ZALO_OAUTH_BASE,
    zns: e.ZALO_ZNS_TEMPLATE_ID ? { templateId: e.ZALO_ZNS_TEMPLATE_ID, apiBase: e.ZALO_ZNS_API_BASE } : null,
  };
}
