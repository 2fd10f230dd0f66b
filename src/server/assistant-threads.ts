// The assistant in worker threads (ASSISTANT_THREADS): each thread loads the model and knowledge once and
// answers the pipeline's messages off the event loop that acknowledges webhooks. A citizen always goes to
// the same thread (in-memory per-citizen state stays in one place); the inbound worker already hands a
// citizen's next message over only after the previous one is answered, so conversation order is kept.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AssistantPort } from '../core/assistant-port';
import type { InboundMessage, Reply } from '../core/message';

export interface ThreadData {
  index: number;
  /** The environment the thread configures itself from (the server's own). */
  env: Record<string, string | undefined>;
}

export type ThreadAnswer =
  { id: number; replies: Reply[]; confidence: number | null } | { id: number; error: string };

interface Waiting {
  resolve: (t: { replies: Reply[]; understanding: { confidence: number } | null }) => void;
  reject: (e: Error) => void;
}

class AssistantThread {
  private readonly waiting = new Map<number, Waiting>();
  private next = 0;
  private failure: Error | null = null;

  constructor(private readonly worker: Worker) {
    worker.on('message', (a: ThreadAnswer | 'ready') => {
      if (a === 'ready') return;
      const w = this.waiting.get(a.id);
      this.waiting.delete(a.id);
      if (!w) return;
      if ('error' in a) w.reject(new Error(a.error));
      else
        w.resolve({
          replies: a.replies,
          understanding: a.confidence === null ? null : { confidence: a.confidence },
        });
    });
    const fail = (err: Error) => {
      this.failure = err;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`assistant thread exited (${code})`)));
  }

  turn(msg: InboundMessage): Promise<{ replies: Reply[]; understanding: { confidence: number } | null }> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, msg });
    });
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage('close');
    await exited;
  }
}

/** FNV-1a of the citizen's key: spreads citizens evenly and sends each always to the same thread. */
function threadOf(key: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % n;
}

export class AssistantThreads implements AssistantPort {
  private constructor(private readonly threads: AssistantThread[]) {}

  /** `count` threads, each ready (model loaded) before this resolves; a thread that cannot start rejects. */
  static async start(
    count: number,
    env: Record<string, string | undefined>,
    script = path.join(__dirname, 'assistant-thread.js'),
  ): Promise<AssistantThreads> {
    const workers = Array.from({ length: count }, (_, index) => {
      const data: ThreadData = { index, env };
      return new Worker(script, { workerData: data });
    });
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const onExit = (code: number) =>
              reject(new Error(`assistant thread exited (${code}) while starting`));
            w.once('error', reject);
            w.once('exit', onExit);
            w.once('message', () => {
              w.off('error', reject);
              w.off('exit', onExit);
              resolve();
            });
          }),
      ),
    ).catch(async (err: unknown) => {
      await Promise.all(workers.map((w) => w.terminate()));
      throw err;
    });
    return new AssistantThreads(workers.map((w) => new AssistantThread(w)));
  }

  /** With the understanding's confidence, so the metrics see it (observeConfidence in runtime.ts). */
  turn(msg: InboundMessage): Promise<{ replies: Reply[]; understanding: { confidence: number } | null }> {
    return this.threads[threadOf(`${msg.channel}:${msg.userId}`, this.threads.length)]!.turn(msg);
  }

  async respond(msg: InboundMessage): Promise<Reply[]> {
    return (await this.turn(msg)).replies;
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.close()));
  }
}
