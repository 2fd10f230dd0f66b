// The bench quotes medians of repeated runs: machines are noisy, and a median ignores the odd slow run.
export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
