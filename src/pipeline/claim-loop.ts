// The loop both background stages share (inbound worker, outbox sender): first take back what a dead
// process left claimed, then claim and handle items with bounded concurrency until stopped; stopping
// waits for the work in flight, so nothing is left half-done.
import type { Logger } from 'pino';
import { errText } from './err-text';
import { Wakeup } from './wakeup';

export interface ClaimLoopOptions<T extends { id: string }> {
  /** What an item is, for logs ("inbound", "outbox"). */
  name: string;
  /** Atomically claim the next item; claims older than staleMs count as abandoned. */
  claim: (staleMs: number) => Promise<T | null>;
  /** Handle one claimed item (errors are the handler's to log; a rejection only ends the item). */
  handle: (item: T) => Promise<unknown>;
  logger: Logger;
  concurrency: number;
  staleMs: number;
  pollMs: number;
  /** Recovery finishes each item before claiming the next (a sender must never take back its own item). */
  recoverOneByOne: boolean;
  now: () => number;
}

export class ClaimLoop<T extends { id: string }> {
  private readonly wakeup = new Wakeup();
  private readonly inFlight = new Set<Promise<void>>();
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(private readonly o: ClaimLoopOptions<T>) {}

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    // Anything claimed before this sweep began belongs to a dead process; our own claims are newer.
    const sweepStart = this.o.now();
    const seen = new Set<string>();
    let recovered = 0;
    for (;;) {
      const item = await this.o.claim(this.o.now() - sweepStart + 1);
      if (!item || seen.has(item.id)) break;
      seen.add(item.id);
      recovered++;
      if (this.o.recoverOneByOne) await this.o.handle(item);
      else this.track(this.o.handle(item));
    }
    if (recovered > 0) this.o.logger.info({ recovered }, `${this.o.name} items recovered at start-up`);
    this.loop = this.run();
  }

  wake(): void {
    this.wakeup.wake();
  }

  /** Stop claiming; wait for items in flight to finish and be recorded. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wakeup.wake();
    await this.loop;
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  get busy(): number {
    return this.inFlight.size;
  }

  private async run(): Promise<void> {
    while (this.running) {
      if (this.inFlight.size >= this.o.concurrency) {
        await Promise.race([...this.inFlight]);
        continue;
      }
      let item: T | null = null;
      try {
        item = await this.o.claim(this.o.staleMs);
      } catch (err) {
        this.o.logger.error({ err: errText(err) }, `${this.o.name} claim failed`);
      }
      if (item) this.track(this.o.handle(item));
      else await this.wakeup.wait(this.o.pollMs);
    }
  }

  private track(p: Promise<unknown>): void {
    const tracked = p.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(tracked);
    void tracked.then(() => {
      this.inFlight.delete(tracked);
      // The citizen's next item may be due now.
      this.wakeup.wake();
    });
  }
}
