// Starts the real server (runtime + Express app) in-process on loopback for integration tests,
// capturing its log lines.
import { Writable } from 'node:stream';
import type { Server } from 'node:http';
import type { AssistantPort } from '../../../src/core/assistant-port';
import type { Stores } from '../../../src/store/ports';
import { CHANNELS } from '../../../webhooks/channels';
import type { AnyChannelPlugin } from '../../../src/pipeline/channel';
import { loadConfig } from '../../../src/services/config';
import { projectRoot } from '../../../src/config/project-root';
import { createLogger } from '../../../src/config/logger';
import { buildRuntime, type Runtime, type Tuning } from '../../../src/server/runtime';
import { closeServer } from '../../../src/server/shutdown';
import { listenLoopback } from './listen';

export const FAST_TUNING: Partial<Tuning> = {
  pollMs: 20,
  backoff: { baseMs: 20, maxMs: 200, maxAttempts: 4 },
  httpTimeoutMs: 3_000,
  tokenCheckEveryMs: 60 * 60_000,
};

export interface TestServer {
  url: string;
  runtime: Runtime;
  logs: string[];
  server: Server;
  stop(): Promise<void>;
}

export async function startTestServer(o: {
  stores: Stores;
  assistant: AssistantPort;
  env: Record<string, string>;
  tuning?: Partial<Tuning>;
  /** The channel list the server is composed with (default: the build's CHANNELS). */
  channels?: readonly AnyChannelPlugin[];
}): Promise<TestServer> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  const logger = createLogger('debug', sink);
  const config = loadConfig({ LOG_LEVEL: 'debug', ...o.env }, o.channels ?? CHANNELS, projectRoot());
  const runtime = buildRuntime({
    config,
    stores: o.stores,
    assistant: o.assistant,
    logger,
    tuning: { ...FAST_TUNING, ...o.tuning },
  });
  const { server, url } = await listenLoopback(runtime.app);
  await runtime.start();
  return {
    url,
    runtime,
    logs,
    server,
    async stop() {
      await closeServer(server, 1_000);
      await runtime.stop();
    },
  };
}

/** Poll until `check` returns true (or throw after `ms`). */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  ms = 5_000,
  what = 'condition',
): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
