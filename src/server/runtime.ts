// Wires the pipeline for one process: channels from the configuration, the ingestor, the background
// worker, the outbox sender and the Express app. Used by main.ts and tests.
import type { Express, Router } from 'express';
import type { Logger } from 'pino';
import type { AssistantPort } from '../core/assistant-port';
import type { ChannelName, InboundMessage, Reply } from '../core/message';
import type { Stores } from '../store/ports';
import { DEFAULT_BACKOFF, type BackoffPolicy } from '../pipeline/backoff';
import { notifyWaiting, type NotifyDeps } from '../dossiers/notify';
import { Ingestor } from '../pipeline/ingest';
import { OutboxSender } from '../pipeline/sender';
import { newOwner } from '../pipeline/owner';
import { InboundWorker } from '../pipeline/worker';
import { webchatApiRouter } from '../../webhooks/webchat/api';
import { webchatPageRouter } from '../../webhooks/webchat/page';
import type { KnowledgeHolder } from '../kb/holder';
import { accountOf, communeByAccount } from '../kb/commune-by-account';
import { webchatSiteOf } from './webchat-site';
import { Outbox, sendingThrough } from '../services/outbox';
import { createApp } from './app';
import { webhookRouter } from './webhook-route';
import type { Config } from '../services/config';
import { Metrics } from './metrics';
import { dossierNotifier } from '../services/notifier';

/** Timings, overridable by tests (defaults suit production). */
export interface Tuning {
  workerConcurrency: number;
  senderConcurrency: number;
  pollMs: number;
  inboundStaleMs: number;
  outboxStaleMs: number;
  backoff: BackoffPolicy;
  tokenRefreshBeforeMs: number;
  tokenCheckEveryMs: number;
  httpTimeoutMs: number;
  /** How often a store that refuses writes is tried again (ms). */
  writeProbeMs: number;
}

export const DEFAULT_TUNING: Tuning = {
  // MongoDB's claims are one query each (and FerretDB scans the collection for them): many in flight only
  // crowd the database. SQLite group-commits the calls of one event-loop turn, so more in flight share
  // each commit (see CONCURRENCY_ON_SQLITE).
  workerConcurrency: 8,
  senderConcurrency: 8,
  pollMs: 500,
  inboundStaleMs: 120_000,
  outboxStaleMs: 60_000,
  backoff: DEFAULT_BACKOFF,
  tokenRefreshBeforeMs: 3 * 3_600_000,
  tokenCheckEveryMs: 10 * 60_000,
  httpTimeoutMs: 10_000,
  writeProbeMs: 2_000,
};

export interface RuntimeDeps {
  config: Config;
  stores: Stores;
  assistant: AssistantPort;
  /** Who answers channel messages, when not `assistant` itself (the assistant threads). */
  channelAssistant?: AssistantPort;
  logger: Logger;
  tuning?: Partial<Tuning>;
  /** Whether the knowledge base is loaded (for /readyz). */
  knowledgeLoaded?: () => boolean;
  metrics?: Metrics;
  /**
   * The knowledge's communes: each one's web chat, and the commune of a message to an account (OA, Page).
   * Without it, `/` serves one unnamed chat and every message goes to the default commune.
   */
  knowledge?: KnowledgeHolder;
  /** More browser-facing routers, mounted before the web chat (the staff console). */
  routers?: Router[];
  /** The process's enqueue-and-wake, shared with the console (one is made when absent). */
  outbox?: Outbox;
}

export interface Runtime {
  app: Express;
  metrics: Metrics;
  ingestor: Ingestor;
  worker: InboundWorker;
  sender: OutboxSender;
  channelsOn: ChannelName[];
  /** Tells subscribers about a dossier's new status (notifyStatusChange), e.g. after staff change it. */
  notify: NotifyDeps;
  /** Seed tokens, recover unfinished work and start the background loops. */
  start(): Promise<void>;
  /** Finish in-flight work and stop the background loops (the HTTP server is closed by the caller). */
  stop(): Promise<void>;
  markShuttingDown(): void;
}

interface Understood {
  turn(msg: InboundMessage): Promise<{ understanding: { confidence: number } | null; replies: Reply[] }>;
}

/** Reports the assistant's understanding confidence to the metrics when it exposes `turn()`. */
export function observeConfidence(a: AssistantPort, metrics: Metrics): AssistantPort {
  const turn = (a as Partial<Understood>).turn;
  if (typeof turn !== 'function') return a;
  return {
    async respond(msg) {
      const t = await turn.call(a, msg);
      if (t.understanding) metrics.understood(msg.channel, t.understanding.confidence);
      return t.replies;
    },
  };
}

/** Messages answered and replies sent at a time on SQLite, where a burst shares a few group commits. */
const CONCURRENCY_ON_SQLITE: Partial<Tuning> = { workerConcurrency: 64, senderConcurrency: 32 };

export function buildRuntime(d: RuntimeDeps): Runtime {
  const t: Tuning = {
    ...DEFAULT_TUNING,
    ...(d.config.store.engine === 'sqlite' ? CONCURRENCY_ON_SQLITE : {}),
    ...d.tuning,
  };
  const { config, stores, logger } = d;
  const owner = newOwner();
  // Once per episode, not per failed write: a full disk must not flood the log. While it lasts, a small
  // write every few seconds finds out when the store takes writes again.
  let probing: NodeJS.Timeout | null = null;
  const stopProbing = () => {
    if (probing) clearInterval(probing);
    probing = null;
  };
  stores.writes.onChange((s) => {
    if (s.ok) {
      stopProbing();
      logger.info('store takes writes again; claiming resumes');
      return;
    }
    logger.error(
      { error: s.error },
      'store refuses writes: webhooks get 503, /readyz reports not ready, claims pause',
    );
    probing ??= setInterval(
      () => void stores.probeWrite(owner, new Date()).catch(() => undefined),
      t.writeProbeMs,
    );
    probing.unref();
  });
  const metrics = d.metrics ?? new Metrics({ outboxDepth: () => stores.outbox.depth() });
  let shuttingDown = false;
  const assistant = observeConfidence(d.assistant, metrics);
  const channelAssistant = d.channelAssistant ? observeConfidence(d.channelAssistant, metrics) : assistant;

  const connect = {
    tokens: stores.tokens,
    logger,
    timeoutMs: t.httpTimeoutMs,
    refreshBeforeMs: t.tokenRefreshBeforeMs,
  };
  const links = config.channels.map((ch) => ch.connect(connect));
  const senders = new Map(links.map((l) => [l.sender.channel, l.sender]));

  const sender = new OutboxSender({
    outbox: stores.outbox,
    contacts: stores.contacts,
    windows: config.windows,
    senders,
    // A reply goes out from its commune's OA / Page; without the knowledge, from each channel's default one.
    ...(d.knowledge && {
      accountOf: (channel: ChannelName, communeId: string) => {
        const commune = d.knowledge?.current().communes.get(communeId);
        return commune ? accountOf(commune, channel) : null;
      },
    }),
    logger,
    owner,
    observer: metrics,
    concurrency: t.senderConcurrency,
    staleMs: t.outboxStaleMs,
    pollMs: t.pollMs,
    backoff: t.backoff,
  });
  const outbox = d.outbox ?? new Outbox(stores.outbox);
  outbox.wakes(sender);
  const sending = sendingThrough(stores, outbox);
  const notify = dossierNotifier({ config, links, stores: sending });
  const worker = new InboundWorker({
    inbound: stores.inbound,
    outbox: sending.outbox,
    contacts: stores.contacts,
    assistant: channelAssistant,
    logger,
    owner,
    concurrency: t.workerConcurrency,
    staleMs: t.inboundStaleMs,
    pollMs: t.pollMs,
    onAnswered: async (channel, userId) => {
      await notifyWaiting(notify, channel, userId, new Date());
    },
  });
  const knowledge = d.knowledge;
  const ingestor = new Ingestor({
    inbound: stores.inbound,
    contacts: stores.contacts,
    observer: metrics,
    logger,
    onNew: () => worker.wake(),
    ...(knowledge && {
      communeOfAccount: (channel: ChannelName, account: string) =>
        communeByAccount(knowledge.current(), channel, account),
    }),
  });
  const webchatSite = knowledge && (() => webchatSiteOf(knowledge.current()));

  const webhookRouters = config.channels.map((ch) =>
    webhookRouter(ch, {
      maxEventAgeMs: config.maxEventAgeMs,
      ingestor,
      logger,
      onRejected: (reason) => metrics.rejected(ch.name, reason),
    }),
  );
  const webRouters = [
    ...(d.routers ?? []),
    webchatApiRouter({
      assistant,
      logger,
      observer: metrics,
      perMinute: config.webchatPerMinute,
      site: webchatSite,
    }),
    webchatPageRouter({ meta: config.pageMeta, site: webchatSite }),
  ];

  const app = createApp({
    logger,
    metrics,
    webhookRouters,
    webRouters,
    trustProxy: config.trustProxy,
    readiness: {
      storePing: () => stores.ping(),
      storeWrite: () => stores.probeWrite(owner, new Date()),
      writesOk: () => stores.writes.state,
      outbox: () => stores.outbox.countByState(),
      knowledgeLoaded: d.knowledgeLoaded ?? (() => true),
      shuttingDown: () => shuttingDown,
    },
  });

  return {
    app,
    metrics,
    ingestor,
    worker,
    sender,
    channelsOn: [...senders.keys()],
    notify,
    async start() {
      for (const l of links) {
        const kb = d.knowledge?.current();
        const accounts = kb
          ? [...kb.communes.values()].flatMap((c) => accountOf(c, l.sender.channel) ?? [])
          : [];
        await l.start?.({ checkEveryMs: t.tokenCheckEveryMs, accounts });
      }
      await Promise.all([worker.start(), sender.start()]);
    },
    async stop() {
      shuttingDown = true;
      stopProbing();
      await worker.stop();
      await sender.stop();
      await Promise.all(links.flatMap((l) => (l.stop ? [l.stop()] : [])));
    },
    markShuttingDown() {
      shuttingDown = true;
    },
  };
}
