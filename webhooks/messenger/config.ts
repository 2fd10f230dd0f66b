// The Messenger channel's settings from the environment: off when no MESSENGER_ credential is set, refused
// when only some are.
import { z } from 'zod';
import { need, opt, parseEnv, url, type Env } from '../../src/pipeline/public';

export interface MessengerConfig {
  verifyToken: string;
  appSecret: string;
  pageAccessToken: string;
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

export function messengerConfig(env: Env): MessengerConfig | null {
  const e = parseEnv(schema, env);
  const first = CREDENTIALS.find((k) => e[k]);
  if (!first) return null;
  return {
    verifyToken: need(e.MESSENGER_VERIFY_TOKEN, 'MESSENGER_VERIFY_TOKEN', first),
    appSecret: need(e.MESSENGER_APP_SECRET, 'MESSENGER_APP_SECRET', first),
    pageAccessToken: need(e.MESSENGER_PAGE_ACCESS_TOKEN, 'MESSENGER_PAGE_ACCESS_TOKEN', first),
    apiBase: e.MESSENGER_API_BASE,
    apiVersion: e.MESSENGER_API_VERSION,
  };
}
