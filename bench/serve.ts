// The servers the webhook figures load, one per child process (forked by bench/load.ts):
//   bare          an Express handler that only answers 200;
//   ack | ack-normal  verify → persist → ack on SQLite (synchronous FULL | NORMAL), nothing answered;
//   answering     the whole pipeline as `npm start` runs it: the real assistant (in ASSISTANT_THREADS worker
//                 threads when set), the worker and the sender delivering to a loopback Zalo (ZALO_API_BASE),
//                 on the store the environment names.
// The parent asks `backlog` (inbound and outbox items not finished) and says `stop`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { createLogger } from '../src/config/logger';
import { buildServices } from '../src/services/build';
import { loadConfig } from '../src/services/config';
import { AssistantThreads } from '../src/server/assistant-threads';
import { buildRuntime } from '../src/server/runtime';
import type { Stores } from '../src/store/ports';
import { openSqliteStores } from '../src/store/sqlite';
import { CHANNELS } from '../webhooks/channels';
import { APP_ID, OA_KEY } from './load';

interface Served {
  app: express.Express;
  stores?: Stores;
  start?: () => Promise<void>;
  cleanup: () => Promise<void>;
}

const ZALO_ENV = {
  ZALO_APP_ID: APP_ID,
  ZALO_OA_SECRET_KEY: OA_KEY,
  ZALO_APP_SECRET: 'bench-app-secret',
  ZALO_OA_ACCESS_TOKEN: 'bench-access-token',
  ZALO_OA_REFRESH_TOKEN: 'bench-refresh-token',
};

function bare(): Served {
  const app = express();
  app.post('/webhooks/zalo', (_req, res) => {
    res.sendStatus(200);
  });
  return { app, cleanup: async () => undefined };
}

/** Only the acknowledgement path: the background worker and sender are not started. */
function ackOnly(synchronous: 'FULL' | 'NORMAL'): Served {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
  const stores = openSqliteStores(path.join(dir, 'bench.sqlite'), { synchronous });
  const runtime = buildRuntime({
    config: loadConfig(ZALO_ENV, CHANNELS),
    stores,
    assistant: { respond: async () => [] },
    logger: createLogger('warn'),
  });
  return {
    app: runtime.app,
    stores,
    cleanup: async () => {
      await stores.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What main.ts wires, without the staff console and housekeeping; the token pair is already stored. */
async function answering(): Promise<Served> {
  const config = loadConfig({ ...process.env, ...ZALO_ENV, LOG_LEVEL: 'warn' }, CHANNELS);
  const services = buildServices(config, { seedDemo: true });
  const stores = await services.stores();
  await stores.tokens.put('zalo', {
    accessToken: ZALO_ENV.ZALO_OA_ACCESS_TOKEN,
    refreshToken: ZALO_ENV.ZALO_OA_REFRESH_TOKEN,
    expiresAt: new Date(Date.now() + 25 * 3_600_000),
  });
  const threads =
    config.assistantThreads > 0
      ? await AssistantThreads.start(config.assistantThreads, {
          ...process.env,
          ...ZALO_ENV,
          LOG_LEVEL: 'warn',
        })
      : null;
  const runtime = buildRuntime({
    config,
    stores,
    assistant: await services.assistant(),
    ...(threads ? { channelAssistant: threads } : {}),
    logger: services.logger,
    outbox: await services.outbox(),
  });
  services.notifyThrough(() => runtime.notify);
  return {
    app: runtime.app,
    stores,
    start: () => runtime.start(),
    cleanup: async () => {
      await runtime.stop();
      await threads?.close();
      await services.close();
    },
  };
}

async function serve(mode: string): Promise<void> {
  const s =
    mode === 'bare'
      ? bare()
      : mode === 'ack'
        ? ackOnly('FULL')
        : mode === 'ack-normal'
          ? ackOnly('NORMAL')
          : mode === 'answering'
            ? await answering()
            : null;
  if (!s) throw new Error(`bench: unknown server mode ${mode}`);
  await s.start?.();
  const server = s.app.listen(0, '127.0.0.1', () => {
    const a = server.address();
    process.send!({ port: typeof a === 'object' && a ? a.port : 0 });
  });
  process.on('message', (m) => {
    if (m === 'stop') server.close(() => void s.cleanup().then(() => process.exit(0)));
    if (m === 'backlog' && s.stores) {
      const { inbound, outbox } = s.stores;
      void Promise.all([inbound.countPending(), outbox.depth()]).then(([i, o]) =>
        process.send!({ answer: { inbound: i, outbox: o } }),
      );
    }
  });
}

serve(process.argv[2] ?? '').catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
