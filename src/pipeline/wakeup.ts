/** A wake-up signal with a timeout: loops sleep until woken or until the poll interval passes. */
export class Wakeup {
  private waiters: Array<() => void> = [];
  private pending = false;

  wake(): void {
    this.pending = true;
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
  }

  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(t);
        this.waiters = this.waiters.filter((w) => w !== done);
        this.pending = false;
        resolve();
      };
      const t = setTimeout(done, ms);
      this.waiters.push(done);
    });
  }
}
