// The one way to queue messages for citizens (the assistant's replies, status notices, staff replies):
// write them to the outbox, then wake this process's sender. A process without a sender (a CLI command)
// only writes; the server's sender finds the items on its next poll.
import type { NewOutboxItem, OutboxItem, OutboxStore, Stores } from '../store/ports';

export class Outbox {
  private wakeSender: () => void = () => {};

  constructor(private readonly store: Pick<OutboxStore, 'enqueue'>) {}

  async enqueue(items: NewOutboxItem[], now: Date): Promise<OutboxItem[]> {
    const queued = await this.store.enqueue(items, now);
    if (queued.length > 0) this.wakeSender();
    return queued;
  }

  /** The sender this process runs (set once by the runtime). */
  wakes(sender: { wake(): void }): void {
    this.wakeSender = () => sender.wake();
  }
}

/** The stores with `outbox.enqueue` going through the Outbox, for code that takes the store ports. */
export function sendingThrough<S extends Pick<Stores, 'outbox'>>(stores: S, outbox: Outbox): S {
  return { ...stores, outbox: { ...stores.outbox, enqueue: (items, now) => outbox.enqueue(items, now) } };
}
