// A remote that keeps failing is left alone for a while: after `threshold` consecutive failures the
// breaker opens and callers get an answer at once instead of waiting for timeouts; after the cool-down a
// single trial call decides whether it closes again (half-open).
export interface CircuitBreakerOptions {
  threshold: number;
  coolDownMs: number;
  now?: () => number;
}

export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private trialInFlight = false;

  constructor(private readonly o: CircuitBreakerOptions) {}

  private now(): number {
    return this.o.now ? this.o.now() : Date.now();
  }

  /** Whether a call may go out now; when true, report its outcome with success() or failure(). */
  allow(): boolean {
    if (this.failures < this.o.threshold) return true;
    if (this.now() < this.openUntil || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.trialInFlight = false;
  }

  failure(): void {
    this.failures += 1;
    this.trialInFlight = false;
    if (this.failures >= this.o.threshold) this.openUntil = this.now() + this.o.coolDownMs;
  }

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.failures < this.o.threshold) return 'closed';
    return this.now() < this.openUntil ? 'open' : 'half-open';
  }
}
