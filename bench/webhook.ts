// Webhook throughput: signed Zalo events per second through verify → persist → ack, against a bare
// Express handler that only answers 200, same machine, same run, same load (autocannon, 50
// connections); the store with `synchronous = FULL` (what runs) and NORMAL (what ran before issue 10).
// The checked writes (every commit verified, write health watched) are on in both. Each server runs in its own child process; the load generator signs a fresh event
// (unique msg_id) for every request in both runs, so the load is identical.
// Standalone: `node dist/bench/webhook.js [seconds]`; from bench/run.ts: `await runWebhookBench()`.
import { fork, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import express from 'express';
import { loadConfig } from '../src/services/config';
import { createLogger } from '../src/config/logger';
import { buildRuntime } from '../src/server/runtime';
import { openSqliteStores } from '../src/store/sqlite';
import { CHANNELS } from '../webhooks/channels';

const APP_ID = '1234567890123456789';
const OA_KEY = 'bench-oa-secret-key';

type Mode = 'bare' | 'webhook' | 'webhook-normal';

export interface LoadFigures {
  requestsPerSec: number;
  p99Ms: number;
  p50Ms: number;
  non2xx: number;
  errors: number;
}

export interface WebhookBenchResult {
  bare: LoadFigures;
  webhook: LoadFigures;
  webhookNormal: LoadFigures;
  /** webhook requests/s ÷ bare requests/s (target ≥ 0.5). */
  ratio: number;
  /** webhook ack p99 ÷ bare p99 (target ≤ 2). */
  p99Ratio: number;
  lines: string[];
}

export interface WebhookBenchOptions {
  connections?: number;
  durationSec?: number;
  print?: boolean;
}

// ---- the two servers (child side) -----------------------------------------------------------

async function serve(mode: Mode): Promise<void> {
  let app: express.Express;
  let cleanup = async (): Promise<void> => undefined;
  if (mode === 'bare') {
    app = express();
    app.post('/webhooks/zalo', (_req, res) => {
      res.sendStatus(200);
    });
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
    const stores = openSqliteStores(path.join(dir, 'bench.sqlite'), {
      synchronous: mode === 'webhook' ? 'FULL' : 'NORMAL',
    });
    const config = loadConfig(
      {
        ZALO_APP_ID: APP_ID,
        ZALO_OA_SECRET_KEY: OA_KEY,
        ZALO_APP_SECRET: 'x',
        ZALO_OA_REFRESH_TOKEN: 'x',
      },
      CHANNELS,
    );
    // Only the acknowledgement path is measured: the background worker and sender are not started.
    const runtime = buildRuntime({
      config,
      stores,
      assistant: { respond: async () => [] },
      logger: createLogger('warn'),
    });
    app = runtime.app;
    cleanup = async () => {
      await stores.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const server = app.listen(0, '127.0.0.1', () => {
    const a = server.address();
    process.send!({ port: typeof a === 'object' && a ? a.port : 0 });
  });
  process.on('message', (m) => {
    if (m === 'stop') server.close(() => void cleanup().then(() => process.exit(0)));
  });
}

// ---- the load (parent side) -----------------------------------------------------------------

function startChild(mode: Mode): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--serve', mode], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (m: { port: number }) => resolve({ child, port: m.port }));
    child.once('exit', (code) => reject(new Error(`bench ${mode} server exited (${String(code)})`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.send('stop');
  });
}

let counter = 0;
const NONCE = randomBytes(4).toString('hex');
/** A fresh signed citizen text event (string template: the generator must stay cheap). */
function signedEvent(): { body: string; signature: string } {
  counter++;
  const ts = String(Date.now());
  const body =
    `{"app_id":"${APP_ID}","user_id_by_app":"5550001112223334445","event_name":"user_send_text","timestamp":"${ts}",` +
    `"sender":{"id":"7000111222333${String(100000 + (counter % 500))}"},"recipient":{"id":"3000999888777666555"},` +
    `"message":{"msg_id":"${NONCE}${counter.toString(16).padStart(12, '0')}","text":"Cho tôi hỏi thủ tục đăng ký khai sinh cần những giấy tờ gì?"}}`;
  const signature = createHash('sha256').update(APP_ID).update(body).update(ts).update(OA_KEY).digest('hex');
  return { body, signature: `mac=${signature}` };
}

async function load(port: number, connections: number, durationSec: number): Promise<LoadFigures> {
  const r = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: durationSec,
    requests: [
      {
        method: 'POST',
        path: '/webhooks/zalo',
        setupRequest: (req) => {
          const e = signedEvent();
          return {
            ...req,
            body: e.body,
            headers: { 'content-type': 'application/json', 'x-zevent-signature': e.signature },
          };
        },
      },
    ],
  });
  return {
    requestsPerSec: r.requests.average,
    p99Ms: r.latency.p99,
    p50Ms: r.latency.p50,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

async function measure(mode: Mode, connections: number, durationSec: number): Promise<LoadFigures> {
  const { child, port } = await startChild(mode);
  try {
    await load(port, connections, 1); // warm-up
    return await load(port, connections, durationSec);
  } finally {
    await stopChild(child);
  }
}

export async function runWebhookBench(o: WebhookBenchOptions = {}): Promise<WebhookBenchResult> {
  const connections = o.connections ?? 50;
  const durationSec = o.durationSec ?? 10;
  const bare = await measure('bare', connections, durationSec);
  const webhook = await measure('webhook', connections, durationSec);
  const webhookNormal = await measure('webhook-normal', connections, durationSec);
  const ratio = webhook.requestsPerSec / bare.requestsPerSec;
  const p99Ratio = webhook.p99Ms / Math.max(bare.p99Ms, 1);
  const f = (x: LoadFigures) =>
    `${Math.round(x.requestsPerSec)} req/s, ack p50 ${x.p50Ms} ms, p99 ${x.p99Ms} ms${x.non2xx || x.errors ? `, ${x.non2xx} non-2xx, ${x.errors} errors` : ''}`;
  const lines = [
    `webhook bench (autocannon, ${connections} connections, ${durationSec} s each, signed Zalo events with unique msg_id):`,
    `  bare Express 200 handler:                             ${f(bare)}`,
    `  verify → persist (SQLite, synchronous FULL) → ack:   ${f(webhook)}`,
    `  verify → persist (SQLite, synchronous NORMAL) → ack: ${f(webhookNormal)}`,
    `  FULL ÷ NORMAL: throughput ${(webhook.requestsPerSec / webhookNormal.requestsPerSec).toFixed(2)}, ack p99 ${(webhook.p99Ms / Math.max(webhookNormal.p99Ms, 1)).toFixed(2)}`,
    `  throughput ratio ${ratio.toFixed(2)} (target ≥ 0.50), ack p99 ratio ${p99Ratio.toFixed(2)} (target ≤ 2.00)`,
  ];
  if (o.print !== false) for (const l of lines) console.log(l);
  return { bare, webhook, webhookNormal, ratio, p99Ratio, lines };
}

if (require.main === module) {
  const i = process.argv.indexOf('--serve');
  if (i >= 0) {
    void serve(process.argv[i + 1] as Mode);
  } else {
    const seconds = Number(process.argv[2] ?? 10);
    runWebhookBench({ durationSec: Number.isFinite(seconds) && seconds > 0 ? seconds : 10 }).catch(
      (e: unknown) => {
        console.error(e);
        process.exitCode = 1;
      },
    );
  }
}
