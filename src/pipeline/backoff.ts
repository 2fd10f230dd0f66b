// Exponential backoff with jitter for retryable send errors.

export interface BackoffPolicy {
  /** Delay cap for the first retry, in ms. */
  baseMs: number;
  /** Largest delay, in ms. */
  maxMs: number;
  /** Total attempts (first try included) before an item is dead-lettered. */
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 5 * 60_000, maxAttempts: 6 };

/**
 * Delay before retry number `attempt` (1 = first retry): "equal jitter" — half the exponential
 * step is fixed, half random — so retries spread out but never come back immediately.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
