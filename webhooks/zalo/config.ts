// The Zalo OA channel's settings from the environment: off when no ZALO_ credential is set, refused when
// only some are (a token without its secret is a half-configured channel).
import { z } from 'zod';
import { ConfigError, need, opt, parseEnv, url, type Env } from '../../src/pipeline/public';

export interface ZaloConfig {
  appId: string;
  oaSecretKey: string;
  appSecret: string;
  accessToken: string | undefined;
  /** The first pair of the default OA; absent when every OA is connected from the console. */
  refreshToken: string | undefined;
  /** The default OA: replies of a commune without its own OA, and the OA of the environment's token pair. */
  oaId: string | undefined;
  /** Where Zalo sends an admin back after the OA consent (the console's address); unset = no console connect. */
  oauthRedirectUri: string | undefined;
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
  // Kept exactly as written: Zalo compares it byte for byte with the App's saved callback URL.
  ZALO_OAUTH_REDIRECT_URI: z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^\s/]+/.test(v), 'must be an http(s) URL')
    .optional(),
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
  if (e.ZALO_OA_ACCESS_TOKEN && !e.ZALO_OA_REFRESH_TOKEN)
    throw new ConfigError('ZALO_OA_REFRESH_TOKEN', 'is needed with ZALO_OA_ACCESS_TOKEN (the pair rotates)');
  if (!/^\d+$/.test(appId)) throw new ConfigError('ZALO_APP_ID', 'must be the numeric App ID');
  if (e.ZALO_OA_ID && !/^\d+$/.test(e.ZALO_OA_ID))
    throw new ConfigError('ZALO_OA_ID', 'must be the numeric OA id');
  return {
    appId,
    oaSecretKey,
    appSecret,
    accessToken: e.ZALO_OA_ACCESS_TOKEN,
    refreshToken: e.ZALO_OA_REFRESH_TOKEN,
    oaId: e.ZALO_OA_ID,
    oauthRedirectUri: e.ZALO_OAUTH_REDIRECT_URI,
    apiBase: e.ZALO_API_BASE,
    oauthBase: e.ZALO_OAUTH_BASE,
    zns: e.ZALO_ZNS_TEMPLATE_ID ? { templateId: e.ZALO_ZNS_TEMPLATE_ID, apiBase: e.ZALO_ZNS_API_BASE } : null,
  };
}
