// The load side every webhook figure shares: signed Zalo citizen events (a fresh msg_id each, so every
// request is new work), autocannon against a server in a child process, and the child's start and stop.
// The children are bench/serve.ts; each runs alone, so one server's leftovers never slow the next.
import { fork, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import autocannon from 'autocannon';

export const APP_ID = '1234567890123456789';
export const OA_KEY = 'bench-oa-secret-key';

export interface LoadFigures {
  requestsPerSec: number;
  p99Ms: number;
  p50Ms: number;
  non2xx: number;
  errors: number;
  /** Requests answered 2xx. */
  ok: number;
  /** Wall time of the run (s). */
  seconds: number;
}

/** Who writes: how many citizens, to how many OAs (recipient ids). */
export interface Population {
  citizens: number;
  oas: number;
}

export const ONE_COMMUNE: Population = { citizens: 500, oas: 1 };

// A few everyday questions, so the assistant does the work real traffic asks of it.
const QUESTIONS = [
  'Cho tôi hỏi thủ tục đăng ký khai sinh cần những giấy tờ gì?',
  'Chứng thực bản sao mất bao nhiêu tiền?',
  'Bộ phận một cửa làm việc giờ nào, thứ bảy có làm không?',
  'Đăng ký kết hôn cần mang theo gì ạ?',
  'Xin chào',
];

let counter = 0;
const NONCE = randomBytes(4).toString('hex');

/** The recipient id of OA number `i` (0-based). */
export function oaId(i: number): string {
  return `3000999888777${String(100000 + i)}`;
}

/** A fresh signed citizen text event (string template: the generator must stay cheap). */
export function signedEvent(p: Population = ONE_COMMUNE): { body: string; signature: string } {
  counter++;
  const ts = String(Date.now());
  const citizen = counter % p.citizens;
  const body =
    `{"app_id":"${APP_ID}","user_id_by_app":"5550001112223334445","event_name":"user_send_text","timestamp":"${ts}",` +
    `"sender":{"id":"7000111222333${String(100000 + citizen)}"},"recipient":{"id":"${oaId(citizen % p.oas)}"},` +
    `"message":{"msg_id":"${NONCE}${counter.toString(16).padStart(12, '0')}","text":"${QUESTIONS[counter % QUESTIONS.length] ?? ''}"}}`;
  const signature = createHash('sha256').update(APP_ID).update(body).update(ts).update(OA_KEY).digest('hex');
  return { body, signature: `mac=${signature}` };
}

export interface LoadOptions {
  connections: number;
  /** Run for this long (s)… */
  durationSec?: number;
  /** …or until this many requests were made. */
  amount?: number;
  population?: Population;
}

export async function load(port: number, o: LoadOptions): Promise<LoadFigures> {
  const t0 = process.hrtime.bigint();
  const r = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: o.connections,
    ...(o.amount ? { amount: o.amount } : { duration: o.durationSec ?? 10 }),
    requests: [
      {
        method: 'POST',
        path: '/webhooks/zalo',
        setupRequest: (req) => {
          const e = signedEvent(o.population);
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
    ok: r['2xx'],
    seconds: Number(process.hrtime.bigint() - t0) / 1e9,
  };
}

export function formatLoad(x: LoadFigures): string {
  const bad = x.non2xx || x.errors ? `, ${x.non2xx} non-2xx, ${x.errors} errors` : '';
  return `${Math.round(x.requestsPerSec)} req/s, ack p50 ${x.p50Ms} ms, p99 ${x.p99Ms} ms${bad}`;
}

export interface Child {
  child: ChildProcess;
  port: number;
  /** Ask the child something (see bench/serve.ts) and wait for its answer. */
  ask<T>(question: string): Promise<T>;
}

/** A bench server (bench/serve.ts) in mode `mode`, with `env` on top of this process's environment. */
export function startChild(mode: string, env: Record<string, string> = {}): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'serve.js'), [mode], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ...env },
      execArgv: process.env['BENCH_CPU_PROF']
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_CPU_PROF']}`]
        : [],
    });
    const ask = <T>(question: string) =>
      new Promise<T>((res) => {
        child.once('message', (m: { answer: T }) => res(m.answer));
        child.send(question);
      });
    child.once('message', (m: { port: number }) => resolve({ child, port: m.port, ask }));
    child.once('exit', (code) => reject(new Error(`bench ${mode} server exited (${String(code)})`)));
  });
}

export function stopChild(c: Child): Promise<void> {
  return new Promise((resolve) => {
    c.child.removeAllListeners('exit');
    c.child.once('exit', () => resolve());
    c.child.send('stop');
  });
}
