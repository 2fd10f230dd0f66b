// The one services root: everything the server and every CLI command work with, built from the typed
// configuration. Each part is built on first use, so a command takes only what it needs (`classify` never
// opens a store); the server takes them all, then wires the pipeline and the console on top.
import type { Logger } from 'pino';
import { loadAssistant, type Assistant } from '../assistant';
import { formatProblem, type Problem } from '../core/problem';
import type { NotifyDeps } from '../dossiers/notify';
import { remoteDossierLookup } from '../dossiers/remote-lookup';
import { dossierService, type DossierService } from '../dossiers/service';
import { KnowledgeHolder } from '../kb/holder';
import { KnowledgeSync } from '../kb/sync';
import type { Config } from './config';
import { createLogger } from '../config/logger';
import { dossierNotifier } from './notifier';
import type { Stores } from '../store/ports';
import { sealedTokens } from '../store/sealed-tokens';
import { Outbox, sendingThrough } from './outbox';
import { openStoresFor, seedDemoIfEmbedded, storeLabel, type StoreMode } from './stores';

// A CLI process has no pipeline: its ZNS notices use a token manager of their own, with these timings.
const HTTP_TIMEOUT_MS = 10_000;
const TOKEN_REFRESH_BEFORE_MS = 3 * 3_600_000;
const KNOWLEDGE_POLL_MS = 5_000;

export interface ServicesOptions {
  /** Default: JSON logs at the configured level on stdout. */
  logger?: Logger;
  /** Default `live`; the CLI's conversations use `scratch` unless asked otherwise. */
  store?: StoreMode;
  /** An embedded store gets the demo dossiers while it has none (the server, the CLI's conversations). */
  seedDemo?: boolean;
  /** A staff member holding a hand-off this long without acting hands it back (HANDOFF_IDLE_MINUTES). */
  handoffIdleMs?: number;
  /** How often the knowledge sync checks for published versions and edits on disk. */
  knowledgePollMs?: number;
  clock?: () => Date;
}

export interface Services {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: () => Date;
  /** The store; `outbox.enqueue` on it goes through `outbox` (writes, then wakes the sender). */
  stores(): Promise<Stores>;
  outbox(): Promise<Outbox>;
  /** The knowledge the bot answers from (shared by the assistant, the sync and the dossier service). */
  knowledge(): KnowledgeHolder;
  assistant(): Promise<Assistant>;
  /** Knowledge and classifier brought up to date (published versions, staff examples), then kept so. */
  knowledgeSync(): Promise<KnowledgeSync>;
  dossiers(): Promise<DossierService>;
  /** Status notices go through this process's pipeline once it runs one (it sends ZNS with its tokens). */
  notifyThrough(notifier: () => NotifyDeps): void;
  /** Stops the sync and closes the store (when they were built). */
  close(): Promise<void>;
}

/** A part built once, on first use. */
function once<T>(build: () => T): () => T {
  let built: { value: T } | null = null;
  return () => (built ??= { value: build() }).value;
}

export function buildServices(config: Config, o: ServicesOptions = {}): Services {
  const logger = o.logger ?? createLogger(config.logLevel);
  const clock = o.clock ?? (() => new Date());
  const mode = o.store ?? 'live';
  const onProblems = (problems: Problem[]) => {
    for (const p of problems)
      logger.warn({ problem: formatProblem(p) }, 'knowledge problem (the last good version stays in use)');
  };
  let opened: Stores | null = null;
  let syncing: KnowledgeSync | null = null;
  let pipelineNotifier: (() => NotifyDeps) | null = null;

  const rawStores = once(async () => {
    const engine = await openStoresFor(config.store, mode);
    opened = engine;
    logger.info({ store: storeLabel(config.store, mode) }, 'store open');
    const s = config.secretKey
      ? { ...engine, tokens: sealedTokens(engine.tokens, config.secretKey) }
      : engine;
    if (o.seedDemo) {
      const demo = await seedDemoIfEmbedded(config.store, mode, s, clock());
      if (demo > 0) logger.info({ dossiers: demo }, 'demo dossiers added to the empty embedded store');
    }
    return s;
  });
  const outbox = once(async () => new Outbox((await rawStores()).outbox));
  const stores = once(async () => sendingThrough(await rawStores(), await outbox()));
  const knowledge = once(() => KnowledgeHolder.open(config.knowledgeDir, onProblems));
  const assistant = once(async () =>
    loadAssistant({
      knowledgeDir: config.knowledgeDir,
      intentsDir: config.intentsDir,
      knowledge: knowledge(),
      stores: await stores(),
      remoteLookup: config.dossierApiUrl
        ? remoteDossierLookup({ baseUrl: config.dossierApiUrl, logger })
        : undefined,
      ...(o.handoffIdleMs ? { handoffIdleMs: o.handoffIdleMs } : {}),
      clock,
    }),
  );
  const knowledgeSync = once(async () => {
    const sync = new KnowledgeSync({
      store: (await stores()).knowledge,
      assistant: await assistant(),
      knowledgeDir: config.knowledgeDir,
      pollMs: o.knowledgePollMs ?? KNOWLEDGE_POLL_MS,
      clock,
      onProblems,
      onError: (err) =>
        logger.error(
          { err: err instanceof Error ? err.message : String(err) },
          'knowledge sync failed; will retry',
        ),
    });
    // Before the first citizen is answered, then polling.
    await sync.refresh();
    sync.start();
    syncing = sync;
    return sync;
  });
  const ownNotifier = (s: Stores): NotifyDeps => {
    const deps = {
      tokens: s.tokens,
      logger,
      timeoutMs: HTTP_TIMEOUT_MS,
      refreshBeforeMs: TOKEN_REFRESH_BEFORE_MS,
    };
    const links = config.channels.map((ch) => ch.connect(deps));
    return dossierNotifier({ config, links, stores: s });
  };
  const dossiers = once(async () => {
    const s = await stores();
    const standalone = once(() => ownNotifier(s));
    return dossierService({
      stores: s,
      knowledge: () => knowledge().current(),
      notifier: () => pipelineNotifier?.() ?? standalone(),
      limits: config.sheetLimits,
    });
  });

  return {
    config,
    logger,
    clock,
    stores,
    outbox,
    knowledge,
    assistant,
    knowledgeSync,
    dossiers,
    notifyThrough(notifier) {
      pipelineNotifier = notifier;
    },
    async close() {
      syncing?.stop();
      await opened?.close();
    },
  };
}
