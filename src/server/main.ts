// `npm start`: configuration → the services root (store, assistant, knowledge sync, dossiers) → the
// pipeline and HTTP (runtime) → the staff console on it.
import type { Server } from 'node:http';
import { loadAdminConfig, type AdminConfig } from '../admin/config';
import { staffConsoleRouter } from '../admin/console';
import { firstLine } from '../core/first-line';
import { buildServices } from '../services/build';
import { CHANNELS } from '../../webhooks/channels';
import { loadConfig, type Config } from '../services/config';
import { ConfigError } from '../config/parse-env';
import { accountConnectors } from '../services/connectors';
import { channelsOn } from '../services/notifier';
import { registerSecret } from '../config/redact';
import { startHousekeeping } from './housekeeping';
import { AssistantThreads } from './assistant-threads';
import { buildRuntime } from './runtime';
import { HARD_EXIT_MARGIN_MS, onSignals, shutdown } from './shutdown';

function registerSecrets(c: Config): void {
  for (const ch of c.channels) for (const v of ch.secrets) registerSecret(v);
}

export async function main(): Promise<void> {
  let config: Config;
  let admin: AdminConfig;
  try {
    config = loadConfig(process.env, CHANNELS);
    admin = loadAdminConfig(process.env, {
      knowledgeDir: config.knowledgeDir,
      intentsDir: config.intentsDir,
      channelsOn: channelsOn(config),
      windows: config.windows,
      messagingChannels: config.messagingChannels,
      connectors: accountConnectors(config),
      secretKey: config.secretKey,
    });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`motcua: configuration error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  registerSecrets(config);
  const services = buildServices(config, {
    seedDemo: true,
    handoffIdleMs: admin.handoffIdleMs,
    knowledgePollMs: admin.knowledgePollMs,
  });
  const { logger } = services;
  if (!config.secretKey && config.channels.length > 0)
    logger.warn(
      'MOTCUA_SECRET_KEY is not set: channel token pairs are stored unencrypted and Zalo OAs cannot be connected from the console',
    );
  const stores = await services.stores();
  const assistant = await services.assistant();
  const threads =
    config.assistantThreads > 0 ? await AssistantThreads.start(config.assistantThreads, process.env) : null;
  const runtime = buildRuntime({
    config,
    stores,
    assistant,
    ...(threads ? { channelAssistant: threads } : {}),
    knowledge: assistant.knowledge,
    logger,
    knowledgeLoaded: () => true,
    routers: [await staffConsoleRouter(admin, services)],
    outbox: await services.outbox(),
  });
  // Status notices go through the pipeline's notifier (its tokens, its channels).
  services.notifyThrough(() => runtime.notify);
  for (const { name: ch } of CHANNELS) {
    if (!runtime.channelsOn.includes(ch))
      logger.info({ channel: ch }, `${ch} channel is off (its credentials are not set)`);
    else logger.info({ channel: ch }, `${ch} channel is on`);
  }

  const housekeeping = await startHousekeeping({ stores, config, logger, notify: () => runtime.notify });

  const server: Server = await new Promise((resolve, reject) => {
    const s = runtime.app.listen(config.port, config.host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  server.keepAliveTimeout = 65_000;
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  logger.info(
    { port, webchat: `http://localhost:${port}/`, staffConsole: `http://localhost:${port}/admin` },
    'motcua is listening',
  );

  onSignals(
    (signal) =>
      shutdown(
        {
          server,
          logger,
          markShuttingDown: () => runtime.markShuttingDown(),
          stopWork: () => {
            housekeeping.stop();
            return runtime.stop().then(() => threads?.close());
          },
          closeStores: () => services.close(),
          timeoutMs: config.shutdownTimeoutMs,
        },
        signal,
      ),
    config.shutdownTimeoutMs + HARD_EXIT_MARGIN_MS,
  );

  // Recover unanswered messages and unsent replies left by a previous run, then keep working.
  await runtime.start();
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`motcua: failed to start: ${firstLine(err)}\n`);
    process.exit(1);
  });
}
