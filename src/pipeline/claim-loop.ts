// The loop both background stages share (inbound worker, outbox sender): first take back what dead
// processes held, then claim and handle items with bounded concurrency until stopped; stopping waits for
// the work in flight (the caller bounds that wait). While the store refuses claims (a full disk, say) the
// loop backs off and says so once, then resumes by itself when a claim succeeds again.
import type { Logger } from 'pino';
import { errText } from './err-text';
import { isDeadOwner } from './owner';
import { Wakeup } from './wakeup';

export interface ClaimLoopOptions {
  /** What an item is, for logs ("inbound", "outbox"). */
  name: string;
  logger: Logger;
  /** This process's claim owner. */
  owner: string;
  concurrency: number;
  staleMs: number;
  pollMs: number;
  /** Longest pause between claims while the store fails. */
  maxPauseMs?: number;
  isDead?: (owner: string, self: string) => boolean;
}

/** What start-up recovery needs from the store of one stage. */
export interface Claims {
  claimOwners(): Promise<string[]>;
  /** Give the items of these dead owners back; returns how many. */
  release(owners: string[]): Promise<number>;
}

export abstract class ClaimLoop<T extends { id: string }> {
  private readonly wakeup = new Wakeup();
  private readonly inFlight = new Set<Promise<void>>();
  private running = false;
  private loop: Promise<void> | null = null;
  private failures = 0;

  constructor(private readonly lo: ClaimLoopOptions) {}

  /** Atomically claim the next item; claims older than staleMs count as abandoned. */
  protected abstract claim(staleMs: number): Promise<T | null>;
  /** Handle one claimed item (errors are the handler's to log; a rejection only ends the item). */
  protected abstract process(item: T): Promise<unknown>;
  protected abstract claims(): Claims;

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.recover();
    this.loop = this.run();
  }

  /** Everything a dead process on this host held goes back at once; the loop then takes it at full speed. */
  private async recover(): Promise<void> {
    const isDead = this.lo.isDead ?? isDeadOwner;
    try {
      const dead = (await this.claims().claimOwners()).filter((o) => isDead(o, this.lo.owner));
      if (dead.length === 0) return;
      const recovered = await this.claims().release(dead);
      this.lo.logger.info(
        { recovered, owners: dead.length },
        `${this.lo.name} items of a dead process taken back at start-up`,
      );
    } catch (err) {
      this.lo.logger.error(
        { err: errText(err) },
        `${this.lo.name} start-up recovery failed; abandoned items return once stale`,
      );
    }
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
      const free = this.lo.concurrency - this.inFlight.size;
      if (free <= 0) {
        await Promise.race([...this.inFlight]);
        continue;
      }
      // Every free slot is claimed at once: on a group-committing store the claims share one commit.
      const claims = await Promise.allSettled(
        Array.from({ length: free }, () => this.claim(this.lo.staleMs)),
      );
      let claimed = 0;
      let failure: { err: unknown } | null = null;
      for (const c of claims) {
        if (c.status === 'rejected') failure ??= { err: c.reason };
        else if (c.value) {
          claimed++;
          this.track(this.process(c.value));
        }
      }
      if (failure) {
        this.claimFailed(failure.err);
        await this.wakeup.wait(this.pauseMs());
        continue;
      }
      this.claimSucceeded();
      // Fewer items than slots: nothing more is due until woken (a new item, a finished one) or polled.
      if (claimed < free) await this.wakeup.wait(this.lo.pollMs);
    }
  }

  private claimFailed(err: unknown): void {
    this.failures++;
    if (this.failures === 1)
      this.lo.logger.error(
        { err: errText(err) },
        `${this.lo.name} claim failed; pausing claims until the store takes writes again`,
      );
  }

  private claimSucceeded(): void {
    if (this.failures === 0) return;
    this.lo.logger.info({ failedClaims: this.failures }, `${this.lo.name} claims resumed`);
    this.failures = 0;
  }

  /** Doubles from the poll interval up to maxPauseMs: a failing store is not hammered. */
  private pauseMs(): number {
    return Math.min(this.lo.maxPauseMs ?? 5_000, this.lo.pollMs * 2 ** Math.min(this.failures, 10));
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
