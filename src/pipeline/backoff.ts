// Exponential backoff with jitter for retryable send errors.

export interface BackoffPolicy {
  /** Delay cap for the first retry, in ms. */
  baseMs: number;
  /** Largest delay, in ms. */
  maxMs: number;
  /** Total attempts (first try included) before an item is dead-lettered. */
  maxAttempts: number;
}

/**
 * Spans a platform outage of hours: 2 s, 4 s, … doubling to a 30-minute cap, 30 attempts in all — about
 * 5–10 h of retries (jitter), well inside a 7-day consultation window; every channel's window (24 h on
 * some) is checked before every attempt, so an item is never sent outside them (it fails with "window" instead).
 */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 30 * 60_000, maxAttempts: 30 };

/**
 * Delay before retry number `attempt` (1 = first retry): "equal jitter" — half the exponential
 * step is fixed, half random — so retries spread out but never come back immediately.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
