// Webhook and pipeline throughput, side by side in one run, same machine, same load (autocannon, 50
// connections, a freshly signed Zalo event with a unique msg_id per request):
//   bare Express 200 handler | ack-only (verify → persist → ack; SQLite synchronous FULL, what runs, and
//   NORMAL, what ran before issue 10) | ack while answering (the whole pipeline running: the real assistant,
//   the worker, the sender delivering to a loopback Zalo) | end to end: a burst of 3,000 events, acked/s
//   and answered/s (every reply delivered) — on SQLite and, where MONGODB_URI is set, on MongoDB.
// The whole pipeline also with the assistant in worker threads, and as a province: 100 communes, 20 OAs,
// 3,000-event bursts from 2,000 citizens. Every figure is the median of several runs; ratios are taken
// within the run. Each server runs alone in its own child process (bench/serve.ts).
// Standalone: `node dist-bench/bench/webhook.js [seconds]`; from bench/run.ts: `await runWebhookBench({ root })`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropDatabase, freshDatabaseName, withDatabase } from '../src/store/mongo/scratch';
import {
  formatLoad,
  load,
  startChild,
  stopChild,
  type Child,
  type LoadFigures,
  type Population,
} from './load';
import { median } from './median';
import { generateProvince } from './province';
import { ZaloSink } from './zalo-sink';

const BURST = 3_000;
const THREADS = 2;
const PROVINCE = { communes: 100, oas: 20, citizens: 2_000 };

export interface EndToEnd {
  /** Burst events acknowledged per second. */
  ackedPerSec: number;
  /** Burst events answered (every reply delivered) per second, from the first request to the last reply. */
  answeredPerSec: number;
  replies: number;
}

/** One whole-pipeline configuration the bench loads. */
interface Setup {
  label: string;
  engine: Engine;
  env?: Record<string, string>;
  population?: Population;
}

export interface WebhookBenchOptions {
  /** The repository (its knowledge/ seeds the province simulation). */
  root: string;
  connections?: number;
  durationSec?: number;
  runs?: number;
  print?: boolean;
}

interface Engine {
  name: string;
  /** The store settings of a fresh, empty database, and how to get rid of it. */
  fresh(): { env: Record<string, string>; drop: () => Promise<void> };
}

function sqliteEngine(): Engine {
  return {
    name: 'SQLite',
    fresh: () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-pipeline-'));
      return {
        env: { SQLITE_PATH: path.join(dir, 'bench.sqlite') },
        drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
      };
    },
  };
}

function mongoEngine(base: string): Engine {
  return {
    name: 'MongoDB',
    fresh: () => {
      const uri = withDatabase(base, freshDatabaseName('motcua_bench'));
      return { env: { MONGODB_URI: uri }, drop: () => dropDatabase(uri) };
    },
  };
}

async function measure(mode: string, connections: number, durationSec: number): Promise<LoadFigures> {
  const c = await startChild(mode);
  try {
    await load(c.port, { connections, durationSec: 1 }); // warm-up
    return await load(c.port, { connections, durationSec });
  } finally {
    await stopChild(c);
  }
}

async function drained(c: Child, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const b = await c.ask<{ inbound: number; outbox: number }>('backlog');
    if (b.inbound === 0 && b.outbox === 0) return;
    if (Date.now() > until) throw new Error(`bench: backlog not drained (${JSON.stringify(b)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface AnsweringFigures {
  whileAnswering: LoadFigures;
  e2e: EndToEnd;
}

/**
 * A fresh store and a whole pipeline: first the burst (end to end, until every reply is delivered), then
 * `durationSec` of steady load while the worker answers the backlog it builds.
 */
export async function measureAnswering(
  engine: Engine,
  connections: number,
  durationSec: number,
  o: { population?: Population; env?: Record<string, string> } = {},
): Promise<AnsweringFigures> {
  const sink = new ZaloSink();
  const url = await sink.start();
  const db = engine.fresh();
  try {
    const c = await startChild('answering', { ...db.env, ...o.env, ZALO_API_BASE: url });
    try {
      const t0 = process.hrtime.bigint();
      const burst = await load(c.port, {
        connections,
        amount: BURST,
        ...(o.population ? { population: o.population } : {}),
      });
      if (burst.ok !== BURST) throw new Error(`bench: ${BURST - burst.ok} burst events not acknowledged`);
      await drained(c, 300_000);
      const answeredSec = Number(process.hrtime.bigint() - t0) / 1e9;
      const e2e = {
        ackedPerSec: BURST / burst.seconds,
        answeredPerSec: BURST / answeredSec,
        replies: sink.sent,
      };
      const whileAnswering = await load(c.port, {
        connections,
        durationSec,
        ...(o.population ? { population: o.population } : {}),
      });
      return { whileAnswering, e2e };
    } finally {
      await stopChild(c);
    }
  } finally {
    await sink.stop();
    await db.drop();
  }
}

const mid = (xs: readonly LoadFigures[]): LoadFigures => ({
  requestsPerSec: median(xs.map((x) => x.requestsPerSec)),
  p99Ms: median(xs.map((x) => x.p99Ms)),
  p50Ms: median(xs.map((x) => x.p50Ms)),
  non2xx: Math.max(...xs.map((x) => x.non2xx)),
  errors: Math.max(...xs.map((x) => x.errors)),
  ok: median(xs.map((x) => x.ok)),
  seconds: median(xs.map((x) => x.seconds)),
});

const ratio = (a: number, b: number) => (a / Math.max(b, 1e-9)).toFixed(2);

export async function runWebhookBench(o: WebhookBenchOptions): Promise<string[]> {
  const connections = o.connections ?? 50;
  const durationSec = o.durationSec ?? 5;
  const runs = o.runs ?? 3;
  const province = generateProvince(o.root, PROVINCE.communes, PROVINCE.oas);
  const sqlite = sqliteEngine();
  const setups: Setup[] = [
    { label: 'SQLite, assistant on the event loop', engine: sqlite },
    {
      label: `SQLite, assistant in ${THREADS} threads`,
      engine: sqlite,
      env: { ASSISTANT_THREADS: String(THREADS) },
    },
    {
      label: `province (SQLite, ${PROVINCE.communes} communes, ${PROVINCE.oas} OAs, ${PROVINCE.citizens.toLocaleString('en')} citizens)`,
      engine: sqlite,
      env: { KNOWLEDGE_DIR: province.knowledgeDir },
      population: { citizens: PROVINCE.citizens, oas: PROVINCE.oas },
    },
  ];
  const mongoUri = process.env['MONGODB_URI'];
  if (mongoUri) setups.push({ label: 'MongoDB, assistant on the event loop', engine: mongoEngine(mongoUri) });
  const bare: LoadFigures[] = [];
  const ack: LoadFigures[] = [];
  const ackNormal: LoadFigures[] = [];
  const answering = new Map<string, AnsweringFigures[]>(setups.map((x) => [x.label, []]));
  try {
    // Interleaved runs: a busy spell on the machine touches every server alike.
    for (let r = 0; r < runs; r++) {
      bare.push(await measure('bare', connections, durationSec));
      ack.push(await measure('ack', connections, durationSec));
      ackNormal.push(await measure('ack-normal', connections, durationSec));
      for (const x of setups)
        answering.get(x.label)!.push(
          await measureAnswering(x.engine, connections, durationSec, {
            ...(x.env ? { env: x.env } : {}),
            ...(x.population ? { population: x.population } : {}),
          }),
        );
    }
  } finally {
    province.remove();
  }
  const b = mid(bare);
  const full = mid(ack);
  const normal = mid(ackNormal);
  const lines = [
    `webhook and pipeline (autocannon, ${connections} connections, ${durationSec} s per load, signed Zalo events with unique msg_id, median of ${runs} runs; ratios within the run, the machine shared with other work):`,
    `  bare Express 200 handler:              ${formatLoad(b)}`,
    `  ack-only, SQLite synchronous FULL:     ${formatLoad(full)}`,
    `  ack-only, SQLite synchronous NORMAL:   ${formatLoad(normal)}`,
    `    FULL ÷ NORMAL: throughput ${ratio(full.requestsPerSec, normal.requestsPerSec)}, ack p99 ${ratio(full.p99Ms, Math.max(normal.p99Ms, 1))}; FULL ÷ bare: throughput ${ratio(full.requestsPerSec, b.requestsPerSec)}, ack p99 ${ratio(full.p99Ms, Math.max(b.p99Ms, 1))}`,
  ];
  for (const x of setups) {
    const a = answering.get(x.label)!;
    const w = mid(a.map((y) => y.whileAnswering));
    const acked = median(a.map((y) => y.e2e.ackedPerSec));
    const answered = median(a.map((y) => y.e2e.answeredPerSec));
    lines.push(
      `  ${x.label}:`,
      `    ack while answering: ${formatLoad(w)}; ÷ bare: throughput ${ratio(w.requestsPerSec, b.requestsPerSec)} (target ≥ 0.50), ack p99 ${ratio(w.p99Ms, Math.max(b.p99Ms, 1))} (target ≤ 2.00)`,
      `    end to end, burst of ${BURST.toLocaleString('en')} events: acked ${Math.round(acked)}/s, answered ${Math.round(answered)}/s (every reply delivered); answered ÷ acked ${ratio(answered, acked)} (target ≥ 0.80)`,
    );
  }
  if (!mongoUri) lines.push('  MongoDB skipped: MONGODB_URI not set');
  if (o.print !== false) for (const l of lines) console.log(l);
  return lines;
}

if (require.main === module) {
  const seconds = Number(process.argv[2] ?? 5);
  runWebhookBench({
    root: path.resolve(__dirname, '..', '..'),
    durationSec: Number.isFinite(seconds) && seconds > 0 ? seconds : 5,
  }).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
