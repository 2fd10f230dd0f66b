// The loop both background stages share (inbound worker, outbox sender): first take back what a dead
// process left claimed, then claim and handle items with bounded concurrency until stopped; stopping
// waits for the work in flight, so nothing is left half-done.
import type { Logger } from 'pino';
import { errText } from './err-text';
import { Wakeup } from './wakeup';

export interface ClaimLoopOptions {
  /** What an item is, for logs ("inbound", "outbox"). */
  name: string;
  logger: Logger;
  concurrency: number;
  staleMs: number;
  pollMs: number;
  /** Recovery finishes each item before claiming the next (a sender must never take back its own item). */
  recoverOneByOne: boolean;
  now: () => number;
}

export abstract class ClaimLoop<T extends { id: string }> {
  private readonly wakeup = new Wakeup();
  private readonly inFlight = new Set<Promise<void>>();
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(private readonly lo: ClaimLoopOptions) {}

  /** Atomically claim the next item; claims older than staleMs count as abandoned. */
  protected abstract claim(staleMs: number): Promise<T | null>;
  /** Handle one claimed item (errors are the handler's to log; a rejection only ends the item). */
  protected abstract process(item: T): Promise<unknown>;

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    // Anything claimed before this sweep began belongs to a dead process; our own claims are newer.
    const sweepStart = this.lo.now();
    const seen = new Set<string>();
    let recovered = 0;
    for (;;) {
      const item = await this.claim(this.lo.now() - sweepStart + 1);
      if (!item || seen.has(item.id)) break;
      seen.add(item.id);
      recovered++;
      if (this.lo.recoverOneByOne) await this.process(item);
      else this.track(this.process(item));
    }
    if (recovered > 0) this.lo.logger.info({ recovered }, `${this.lo.name} items recovered at start-up`);
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
      if (this.inFlight.size >= this.lo.concurrency) {
        await Promise.race([...this.inFlight]);
        continue;
      }
      let item: T | null = null;
      try {
        item = await this.claim(this.lo.staleMs);
      } catch (err) {
        this.lo.logger.error({ err: errText(err) }, `${this.lo.name} claim failed`);
      }
      if (item) this.track(this.process(item));
      else await this.wakeup.wait(this.lo.pollMs);
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
