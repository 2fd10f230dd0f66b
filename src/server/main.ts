// Composition root for `npm start`: configuration → logs → store → assistant → pipeline → HTTP.
import type { Server } from 'node:http';
import { loadAdminConfig, type AdminConfig } from '../admin/config';
import { startStaffConsole } from '../admin/console';
import { loadAssistant } from '../assistant';
import { formatProblem } from '../core/problem';
import { remoteDossierLookup } from '../dossiers/remote-lookup';
import { loadConfig, type Config } from './config';
import { ConfigError } from '../config/parse-env';
import { createLogger } from './logger';
import { channelsOn } from './notifier';
import { registerSecret } from './redact';
import { startHousekeeping } from './housekeeping';
import { buildRuntime } from './runtime';
import { HARD_EXIT_MARGIN_MS, onSignals, shutdown } from './shutdown';
import { openConfiguredStores, seedDemoIfEmbedded, storeLabel } from './stores';

function registerSecrets(c: Config): void {
  for (const v of [c.zalo?.oaSecretKey, c.zalo?.appSecret, c.zalo?.accessToken, c.zalo?.refreshToken])
    registerSecret(v);
  for (const v of [c.messenger?.appSecret, c.messenger?.verifyToken, c.messenger?.pageAccessToken])
    registerSecret(v);
}

export async function main(): Promise<void> {
  let config: Config;
  let admin: AdminConfig;
  try {
    config = loadConfig(process.env);
    admin = loadAdminConfig(process.env, {
      knowledgeDir: config.knowledgeDir,
      intentsDir: config.intentsDir,
      channelsOn: channelsOn(config),
      sheetLimits: config.sheetLimits,
    });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`motcua: configuration error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  registerSecrets(config);
  const logger = createLogger(config.logLevel);

  const stores = await openConfiguredStores(config.store);
  logger.info({ store: storeLabel(config.store) }, 'store open');
  const demo = await seedDemoIfEmbedded(config.store, stores, new Date());
  if (demo > 0) logger.info({ dossiers: demo }, 'demo dossiers added to the empty embedded store');
  const assistant = await loadAssistant({
    knowledgeDir: config.knowledgeDir,
    intentsDir: config.intentsDir,
    stores,
    remoteLookup: config.dossierApiUrl
      ? remoteDossierLookup({ baseUrl: config.dossierApiUrl, logger })
      : undefined,
    handoffIdleMs: admin.handoffIdleMs,
    onKnowledgeProblems: (problems) => {
      for (const p of problems) logger.warn({ problem: formatProblem(p) }, 'knowledge file problem');
    },
  });

  // The console tells subscribers about status changes through the pipeline's notifier, built just below.
  const staffConsole = await startStaffConsole({
    config: admin,
    stores,
    assistant,
    logger,
    notifier: () => runtime.notify,
  });
  const runtime = buildRuntime({
    config,
    stores,
    assistant,
    logger,
    knowledgeLoaded: () => true,
    routers: [staffConsole.router],
  });
  for (const ch of ['zalo', 'messenger'] as const) {
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
            staffConsole.stop();
            housekeeping.stop();
            return runtime.stop();
          },
          closeStores: () => stores.close(),
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
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`motcua: failed to start: ${message.split('\n')[0]}\n`);
    process.exit(1);
  });
}
