// Typed configuration from the environment. Bad configuration stops start-up with ONE English line
// naming the variable; a channel whose credentials are absent is simply off.
import path from 'node:path';
import { z } from 'zod';
import { ConfigError, int, parseEnv } from '../config/parse-env';
import { projectRoot } from '../config/project-root';
import { DEFAULT_SQLITE_PATH } from '../config/sqlite-path';
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from '../dossiers/sheet-limits';
import { RETENTION_ENV, retentionDays, type RetentionDays } from './retention-config';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';

export interface ZaloConfig {
  appId: string;
  oaSecretKey: string;
  appSecret: string;
  accessToken: string | undefined;
  refreshToken: string;
  oaId: string | undefined;
  apiBase: string;
  oauthBase: string;
}

export interface MessengerConfig {
  verifyToken: string;
  appSecret: string;
  pageAccessToken: string;
  apiBase: string;
  apiVersion: string;
}

/** Zalo ZNS template messages for dossier status news (needs the Zalo channel: same OA, same token). */
export interface ZnsConfig {
  templateId: string;
  apiBase: string;
}

export interface StoreConfig {
  /** MongoDB when MONGODB_URI is set, otherwise the embedded SQLite file (see src/store/open.ts). */
  engine: 'sqlite' | 'mongodb';
  sqlitePath: string;
  mongoUri: string | undefined;
}

export interface Config {
  port: number;
  host: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  knowledgeDir: string;
  intentsDir: string;
  store: StoreConfig;
  zalo: ZaloConfig | null;
  messenger: MessengerConfig | null;
  zns: ZnsConfig | null;
  /** The provincial system asked about codes not found locally (DOSSIER_API_URL); none when unset. */
  dossierApiUrl: string | undefined;
  /** Signed webhook events older than this are refused as replays (ms; 0 = no check). */
  maxEventAgeMs: number;
  /** Content of the `zalo-platform-site-verification` meta tag served on GET / (domain verification). */
  zaloSiteVerification: string | undefined;
  /** Web chat messages allowed per client IP per minute. */
  webchatPerMinute: number;
  /** How long SIGTERM waits for in-flight work before exiting anyway (ms). */
  shutdownTimeoutMs: number;
  /** Reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY; default none). */
  trustProxy: TrustProxy;
  /** How much of a dossier export is read (IMPORT_MAX_*), for the console and the CLI alike. */
  sheetLimits: SheetLimits;
  retention: RetentionDays;
}

const DEFAULT_MESSENGER_API_VERSION = 'v26.0';
const MB = 1024 * 1024;

const opt = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));
const url = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^\s/]+/.test(v), 'must be an http(s) URL')
  .transform((v) => v.replace(/\/+$/, ''));

const schema = z.object({
  PORT: int(0, 65_535).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KNOWLEDGE_DIR: opt,
  INTENTS_DIR: opt,
  SQLITE_PATH: opt,
  MONGODB_URI: opt,
  ZALO_APP_ID: opt,
  ZALO_OA_SECRET_KEY: opt,
  ZALO_APP_SECRET: opt,
  ZALO_OA_ACCESS_TOKEN: opt,
  ZALO_OA_REFRESH_TOKEN: opt,
  ZALO_OA_ID: opt,
  ZALO_API_BASE: url.default('https://openapi.zalo.me'),
  ZALO_OAUTH_BASE: url.default('https://oauth.zaloapp.com'),
  ZALO_SITE_VERIFICATION: opt,
  ZALO_ZNS_TEMPLATE_ID: opt,
  ZALO_ZNS_API_BASE: url.default('https://business.openapi.zalo.me'),
  DOSSIER_API_URL: url.optional(),
  MESSENGER_VERIFY_TOKEN: opt,
  MESSENGER_APP_SECRET: opt,
  MESSENGER_PAGE_ACCESS_TOKEN: opt,
  MESSENGER_API_BASE: url.default('https://graph.facebook.com'),
  MESSENGER_API_VERSION: z
    .string()
    .trim()
    .regex(/^v?\d+\.\d+$/, 'must look like v26.0')
    .default(DEFAULT_MESSENGER_API_VERSION)
    .transform((v) => (v.startsWith('v') ? v : `v${v}`)),
  WEBHOOK_MAX_EVENT_AGE_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 30)
    .default(48),
  WEBCHAT_MESSAGES_PER_MINUTE: int(1, 10_000).default(30),
  SHUTDOWN_TIMEOUT_MS: int(100, 600_000).default(10_000),
  TRUST_PROXY: opt,
  IMPORT_MAX_UNZIPPED_MB: int(1, 2_000).default(DEFAULT_SHEET_LIMITS.maxUnzippedBytes / MB),
  IMPORT_MAX_ROWS: int(1, 1_000_000).default(DEFAULT_SHEET_LIMITS.maxRows),
  IMPORT_MAX_CELLS: int(1, 20_000_000).default(DEFAULT_SHEET_LIMITS.maxCells),
  IMPORT_MAX_CELL_CHARS: int(10, 100_000).default(DEFAULT_SHEET_LIMITS.maxCellChars),
  IMPORT_WORKER_HEAP_MB: int(32, 4_096).default(DEFAULT_SHEET_LIMITS.workerHeapMb),
  ...RETENTION_ENV,
});

type Env = Record<string, string | undefined>;

/** Parse the environment; throws ConfigError (one line, naming the variable) on bad configuration. */
export function loadConfig(env: Env = process.env, root: string = projectRoot()): Config {
  const e = parseEnv(schema, env);
  const zalo = zaloConfig(e);
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    knowledgeDir: path.resolve(root, e.KNOWLEDGE_DIR ?? 'knowledge'),
    intentsDir: path.resolve(root, e.INTENTS_DIR ?? 'intents'),
    store: {
      engine: e.MONGODB_URI ? 'mongodb' : 'sqlite',
      sqlitePath: path.resolve(root, e.SQLITE_PATH ?? DEFAULT_SQLITE_PATH),
      mongoUri: e.MONGODB_URI,
    },
    zalo,
    messenger: messengerConfig(e),
    zns: znsConfig(e, zalo),
    dossierApiUrl: e.DOSSIER_API_URL,
    maxEventAgeMs: Math.round(e.WEBHOOK_MAX_EVENT_AGE_HOURS * 3_600_000),
    zaloSiteVerification: e.ZALO_SITE_VERIFICATION,
    webchatPerMinute: e.WEBCHAT_MESSAGES_PER_MINUTE,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    sheetLimits: {
      ...DEFAULT_SHEET_LIMITS,
      maxUnzippedBytes: e.IMPORT_MAX_UNZIPPED_MB * MB,
      maxRows: e.IMPORT_MAX_ROWS,
      maxCells: e.IMPORT_MAX_CELLS,
      maxCellChars: e.IMPORT_MAX_CELL_CHARS,
      workerHeapMb: e.IMPORT_WORKER_HEAP_MB,
    },
    retention: retentionDays(e),
  };
}

type Parsed = z.infer<typeof schema>;

function requireAll(e: Parsed, names: Array<keyof Parsed>, because: string): void {
  for (const n of names) if (!e[n]) throw new ConfigError(String(n), `is required when ${because} is set`);
}

function zaloConfig(e: Parsed): ZaloConfig | null {
  const creds = [
    'ZALO_APP_ID',
    'ZALO_OA_SECRET_KEY',
    'ZALO_APP_SECRET',
    'ZALO_OA_ACCESS_TOKEN',
    'ZALO_OA_REFRESH_TOKEN',
    'ZALO_OA_ID',
  ] as const;
  const first = creds.find((k) => e[k]);
  if (!first) return null;
  // A token without its secret (or the other way round) is a half-configured channel: refuse to start.
  requireAll(e, ['ZALO_APP_ID', 'ZALO_OA_SECRET_KEY', 'ZALO_APP_SECRET', 'ZALO_OA_REFRESH_TOKEN'], first);
  if (e.ZALO_APP_ID && !/^\d+$/.test(e.ZALO_APP_ID))
    throw new ConfigError('ZALO_APP_ID', 'must be the numeric App ID');
  if (e.ZALO_OA_ID && !/^\d+$/.test(e.ZALO_OA_ID))
    throw new ConfigError('ZALO_OA_ID', 'must be the numeric OA id');
  return {
    appId: e.ZALO_APP_ID!,
    oaSecretKey: e.ZALO_OA_SECRET_KEY!,
    appSecret: e.ZALO_APP_SECRET!,
    accessToken: e.ZALO_OA_ACCESS_TOKEN,
    refreshToken: e.ZALO_OA_REFRESH_TOKEN!,
    oaId: e.ZALO_OA_ID,
    apiBase: e.ZALO_API_BASE,
    oauthBase: e.ZALO_OAUTH_BASE,
  };
}

function znsConfig(e: Parsed, zalo: ZaloConfig | null): ZnsConfig | null {
  if (!e.ZALO_ZNS_TEMPLATE_ID) return null;
  if (!zalo)
    throw new ConfigError(
      'ZALO_ZNS_TEMPLATE_ID',
      'needs the Zalo channel (ZALO_APP_ID and the other ZALO_ credentials)',
    );
  return { templateId: e.ZALO_ZNS_TEMPLATE_ID, apiBase: e.ZALO_ZNS_API_BASE };
}

function messengerConfig(e: Parsed): MessengerConfig | null {
  const creds = ['MESSENGER_VERIFY_TOKEN', 'MESSENGER_APP_SECRET', 'MESSENGER_PAGE_ACCESS_TOKEN'] as const;
  const first = creds.find((k) => e[k]);
  if (!first) return null;
  requireAll(e, [...creds], first);
  return {
    verifyToken: e.MESSENGER_VERIFY_TOKEN!,
    appSecret: e.MESSENGER_APP_SECRET!,
    pageAccessToken: e.MESSENGER_PAGE_ACCESS_TOKEN!,
    apiBase: e.MESSENGER_API_BASE,
    apiVersion: e.MESSENGER_API_VERSION,
  };
}
