// Typed configuration from the environment. Bad configuration stops start-up with ONE English line
// naming the variable; a channel whose credentials are absent is simply off.
import path from 'node:path';
import { z } from 'zod';
import type { ChannelName } from '../core/message';
import { channelOn, type AnyChannelPlugin, type ChannelOn, type Env } from '../pipeline/channel';
import { windowsOf, type Windows } from '../pipeline/windows';
import { int, opt, parseEnv, url } from '../config/parse-env';
import { projectRoot } from '../config/project-root';
import { DEFAULT_SQLITE_PATH } from '../config/sqlite-path';
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from '../dossiers/sheet-limits';
import { RETENTION_ENV, retentionDays, type RetentionDays } from '../retention/config';
import { parseTrustProxy, type TrustProxy } from '../config/trust-proxy';
import { parseSecretKey, SECRET_KEY_ENV } from '../config/secret-key';
import { withSecretsFile } from '../config/secrets-file';

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
  /** The messaging channels whose credentials are set, in the order of CHANNELS. */
  channels: ChannelOn[];
  /** Every channel's consultation window, on or off (a reply queued before a channel was switched off). */
  windows: Windows;
  /** Every messaging channel of the build, on or off. */
  messagingChannels: ChannelName[];
  /** The provincial system asked about codes not found locally (DOSSIER_API_URL); none when unset. */
  dossierApiUrl: string | undefined;
  /** Signed webhook events older than this are refused as replays (ms; 0 = no check). */
  maxEventAgeMs: number;
  /** Meta tags the web chat page carries for the platforms' domain verification. */
  pageMeta: Array<{ name: string; content: string }>;
  /** Web chat messages allowed per client IP per minute. */
  webchatPerMinute: number;
  /** How long SIGTERM waits for in-flight work before exiting anyway (ms). */
  shutdownTimeoutMs: number;
  /** Worker threads answering channel messages (ASSISTANT_THREADS; 0, the default: on the event loop). */
  assistantThreads: number;
  /** Reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY; default none). */
  trustProxy: TrustProxy;
  /** How much of a dossier export is read (IMPORT_MAX_*), for the console and the CLI alike. */
  sheetLimits: SheetLimits;
  retention: RetentionDays;
  /**
   * Seals stored token pairs and signs the console's OAuth state (MOTCUA_SECRET_KEY). Without it token pairs
   * are stored in plain text (a warning at start) and an OA cannot be connected from the console.
   */
  secretKey: Buffer | null;
}

const MB = 1024 * 1024;

const schema = z.object({
  PORT: int(0, 65_535).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KNOWLEDGE_DIR: opt,
  INTENTS_DIR: opt,
  SQLITE_PATH: opt,
  MONGODB_URI: opt,
  DOSSIER_API_URL: url.optional(),
  WEBHOOK_MAX_EVENT_AGE_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 30)
    .default(48),
  WEBCHAT_MESSAGES_PER_MINUTE: int(1, 10_000).default(30),
  SHUTDOWN_TIMEOUT_MS: int(100, 600_000).default(10_000),
  ASSISTANT_THREADS: int(0, 32).default(0),
  TRUST_PROXY: opt,
  IMPORT_MAX_UNZIPPED_MB: int(1, 2_000).default(DEFAULT_SHEET_LIMITS.maxUnzippedBytes / MB),
  IMPORT_MAX_ROWS: int(1, 1_000_000).default(DEFAULT_SHEET_LIMITS.maxRows),
  IMPORT_MAX_CELLS: int(1, 20_000_000).default(DEFAULT_SHEET_LIMITS.maxCells),
  IMPORT_MAX_CELL_CHARS: int(10, 100_000).default(DEFAULT_SHEET_LIMITS.maxCellChars),
  IMPORT_WORKER_HEAP_MB: int(32, 4_096).default(DEFAULT_SHEET_LIMITS.workerHeapMb),
  ...RETENTION_ENV,
  [SECRET_KEY_ENV]: opt,
  MOTCUA_SECRETS_FILE: opt,
});

/** Parse the environment; throws ConfigError (one line, naming the variable) on bad configuration. */
export function loadConfig(
  processEnv: Env,
  /** The channels of this build (webhooks/channels.ts), whether their credentials are set or not. */
  channels: readonly AnyChannelPlugin[],
  root: string = projectRoot(),
): Config {
  const env = withSecretsFile(processEnv);
  const e = parseEnv(schema, env);
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
    channels: channels.flatMap((p) => channelOn(p, env) ?? []),
    windows: windowsOf(channels),
    messagingChannels: channels.map((p) => p.name),
    dossierApiUrl: e.DOSSIER_API_URL,
    maxEventAgeMs: Math.round(e.WEBHOOK_MAX_EVENT_AGE_HOURS * 3_600_000),
    pageMeta: channels.flatMap((p) => {
      const content = p.pageMeta && env[p.pageMeta.env]?.trim();
      return p.pageMeta && content ? [{ name: p.pageMeta.name, content }] : [];
    }),
    webchatPerMinute: e.WEBCHAT_MESSAGES_PER_MINUTE,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    assistantThreads: e.ASSISTANT_THREADS,
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
    secretKey: parseSecretKey(e[SECRET_KEY_ENV]),
  };
}
