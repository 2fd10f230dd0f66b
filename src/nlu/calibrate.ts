// Confidence calibration: the softmax temperature that minimises the negative log-likelihood of
// held-out (cross-validated) predictions, so that "confidence 0.8" means right about 80% of the time
// on phrasings the model has not seen. And the measure of it: expected calibration error.
export interface HeldOut {
  logits: Float64Array;
  truth: number;
}

function nll(rows: readonly HeldOut[], t: number): number {
  let total = 0;
  for (const { logits, truth } of rows) {
    let max = -Infinity;
    for (const v of logits) if (v > max) max = v;
    let sum = 0;
    for (const v of logits) sum += Math.exp((v - max) / t);
    total -= ((logits[truth] ?? -Infinity) - max) / t - Math.log(sum);
  }
  return total;
}

/** Golden-section search of log-temperature in [1/20, 20]: the NLL is unimodal in it. */
export function fitTemperature(rows: readonly HeldOut[]): number {
  if (rows.length === 0) return 1;
  const g = (Math.sqrt(5) - 1) / 2;
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  let a = hi - g * (hi - lo);
  let b = lo + g * (hi - lo);
  let fa = nll(rows, Math.exp(a));
  let fb = nll(rows, Math.exp(b));
  for (let i = 0; i < 40; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - g * (hi - lo);
      fa = nll(rows, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + g * (hi - lo);
      fb = nll(rows, Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}

/** Expected calibration error: Σ over equal-width confidence bins of |right − confidence| / n. */
export function expectedCalibrationError(
  rows: ReadonlyArray<{ confidence: number; correct: boolean }>,
  bins = 10,
): number {
  const acc = Array.from({ length: bins }, () => ({ ok: 0, conf: 0 }));
  for (const r of rows) {
    const b = acc[Math.min(bins - 1, Math.floor(r.confidence * bins))];
    if (!b) continue; // a negative or NaN confidence: in no bin
    b.ok += +r.correct;
    b.conf += r.confidence;
  }
  return acc.reduce((s, b) => s + Math.abs(b.ok - b.conf), 0) / Math.max(1, rows.length);
}
