// The Messenger channel's settings from the environment: off when no MESSENGER_ credential is set, refused
// when only some are.
import { z } from 'zod';
import { ConfigError, need, opt, parseEnv, url, type Env } from '../../src/pipeline/public';

export interface MessengerConfig {
  verifyToken: string;
  appSecret: string;
  /** The default Page's token: replies of a commune without a Page of its own token. */
  pageAccessToken: string | undefined;
  /** Each Page's own token by Page id (MESSENGER_PAGE_TOKEN_<page id>, e.g. from the secrets file). */
  pageTokens: ReadonlyMap<string, string>;
  apiBase: string;
  apiVersion: string;
}

const DEFAULT_API_VERSION = 'v26.0';

const schema = z.object({
  MESSENGER_VERIFY_TOKEN: opt,
  MESSENGER_APP_SECRET: opt,
  MESSENGER_PAGE_ACCESS_TOKEN: opt,
  MESSENGER_API_BASE: url.default('https://graph.facebook.com'),
  MESSENGER_API_VERSION: z
    .string()
    .trim()
    .regex(/^v?\d+\.\d+$/, 'must look like v26.0')
    .default(DEFAULT_API_VERSION)
    .transform((v) => (v.startsWith('v') ? v : `v${v}`)),
});

const CREDENTIALS = [
  'MESSENGER_VERIFY_TOKEN',
  'MESSENGER_APP_SECRET',
  'MESSENGER_PAGE_ACCESS_TOKEN',
] as const;

const PAGE_TOKEN = /^MESSENGER_PAGE_TOKEN_(.*)$/;

function pageTokensOf(env: Env): Map<string, string> {
  const tokens = new Map<string, string>();
  for (const [k, v] of Object.entries(env)) {
    const page = PAGE_TOKEN.exec(k)?.[1];
    if (page === undefined || !v?.trim()) continue;
    if (!/^\d+$/.test(page)) throw new ConfigError(k, 'must end in the numeric Page id');
    tokens.set(page, v.trim());
  }
  return tokens;
}

export function messengerConfig(env: Env): MessengerConfig | null {
  const e = parseEnv(schema, env);
  const pageTokens = pageTokensOf(env);
  const first =
    CREDENTIALS.find((k) => e[k]) ?? [...Object.keys(env)].find((k) => PAGE_TOKEN.test(k) && env[k]?.trim());
  if (!first) return null;
  const verifyToken = need(e.MESSENGER_VERIFY_TOKEN, 'MESSENGER_VERIFY_TOKEN', first);
  const appSecret = need(e.MESSENGER_APP_SECRET, 'MESSENGER_APP_SECRET', first);
  if (pageTokens.size === 0) need(e.MESSENGER_PAGE_ACCESS_TOKEN, 'MESSENGER_PAGE_ACCESS_TOKEN', first);
  return {
    verifyToken,
    appSecret,
    pageAccessToken: e.MESSENGER_PAGE_ACCESS_TOKEN,
    pageTokens,
    apiBase: e.MESSENGER_API_BASE,
    apiVersion: e.MESSENGER_API_VERSION,
  };
}
