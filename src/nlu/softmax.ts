// Multinomial logistic regression (softmax) over sparse vectors, trained by stochastic gradient
// descent on the cross-entropy with L2 regularisation. The L2 shrink is applied lazily through one
// shared scale factor, so a step costs only the features present. Deterministic: the example order
// comes from a seeded generator.
import { seededRng, shuffle } from './rng';
import type { SparseVector } from './vectorizer';

export interface SoftmaxOptions {
  /** L2 strength per example. */
  lambda: number;
  epochs: number;
  /** Initial step size; decays as eta0 / (1 + eta0 * lambda * t). */
  eta0: number;
  seed: number;
}

export const DEFAULT_SOFTMAX: SoftmaxOptions = { lambda: 1e-6, epochs: 6, eta0: 5, seed: 7 };

/** Gradients this small are skipped in the update: most labels are far from most examples. */
const TINY = 1e-5;

export class Softmax {
  private constructor(
    readonly classes: number,
    /** Row-major: weights[row * classes + k]. */
    private readonly weights: Float32Array,
    private readonly bias: Float64Array,
  ) {}

  static train(
    xs: readonly SparseVector[],
    ys: ArrayLike<number>,
    classes: number,
    rows: number,
    o: SoftmaxOptions = DEFAULT_SOFTMAX,
  ): Softmax {
    const K = classes;
    const w = new Float32Array(rows * K);
    const bias = new Float64Array(K);
    const z = new Float64Array(K);
    const rng = seededRng(o.seed);
    const order = Array.from(xs.keys());
    let scale = 1;
    let t = 0;
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      shuffle(order, rng);
      for (const i of order) {
        const x = xs[i];
        const y = ys[i];
        if (x === undefined || y === undefined) continue;
        const { idx, val } = x;
        const eta = o.eta0 / (1 + o.eta0 * o.lambda * t++);
        scores(w, bias, scale, K, idx, val, z);
        toProbabilities(z);
        z[y] = (z[y] ?? 0) - 1;
        scale *= 1 - eta * o.lambda;
        const step = eta / scale;
        for (let k = 0; k < K; k++) {
          const g = z[k]!; // k < K = z.length
          if (g > -TINY && g < TINY) continue;
          bias[k]! -= eta * g;
          const sg = step * g;
          // Rows are < `rows` (the vectorizer's), so every index is inside w.
          for (let f = 0; f < idx.length; f++) w[idx[f]! * K + k]! -= sg * val[f]!;
        }
        if (scale < 1e-6) {
          for (let j = 0; j < w.length; j++) w[j]! *= scale;
          scale = 1;
        }
      }
    }
    for (let j = 0; j < w.length; j++) w[j]! *= scale;
    return new Softmax(K, w, bias);
  }

  state(): { weights: Float32Array; bias: Float64Array } {
    return { weights: this.weights, bias: this.bias };
  }

  static fromState(classes: number, weights: Float32Array, bias: Float64Array): Softmax {
    return new Softmax(classes, weights, bias);
  }

  /** Raw scores (logits) per class. */
  logits(x: SparseVector, out = new Float64Array(this.classes)): Float64Array {
    scores(this.weights, this.bias, 1, this.classes, x.idx, x.val, out);
    return out;
  }
}

/**
 * z = scale · (x · W) + bias. Eight classes per pass over the features, their sums in locals (registers)
 * rather than in `out`: twice as fast, and each sum still adds the features in order, from 0, so the
 * logits are bit-identical to the one-class-at-a-time loop. Indices: f < idx.length = val.length, and
 * every row idx[f] < w.length / K, so base + j < w.length for every j < K.
 */
function scores(
  w: Float32Array,
  bias: Float64Array,
  scale: number,
  K: number,
  idx: Int32Array,
  val: Float32Array,
  out: Float64Array,
): void {
  const n = idx.length;
  let k = 0;
  for (; k + 8 <= K; k += 8) {
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0,
      s4 = 0,
      s5 = 0,
      s6 = 0,
      s7 = 0;
    for (let f = 0; f < n; f++) {
      const base = idx[f]! * K + k;
      const v = val[f]!;
      s0 += w[base]! * v;
      s1 += w[base + 1]! * v;
      s2 += w[base + 2]! * v;
      s3 += w[base + 3]! * v;
      s4 += w[base + 4]! * v;
      s5 += w[base + 5]! * v;
      s6 += w[base + 6]! * v;
      s7 += w[base + 7]! * v;
    }
    out[k] = s0 * scale + bias[k]!;
    out[k + 1] = s1 * scale + bias[k + 1]!;
    out[k + 2] = s2 * scale + bias[k + 2]!;
    out[k + 3] = s3 * scale + bias[k + 3]!;
    out[k + 4] = s4 * scale + bias[k + 4]!;
    out[k + 5] = s5 * scale + bias[k + 5]!;
    out[k + 6] = s6 * scale + bias[k + 6]!;
    out[k + 7] = s7 * scale + bias[k + 7]!;
  }
  for (; k < K; k++) {
    let s = 0;
    for (let f = 0; f < n; f++) s += w[idx[f]! * K + k]! * val[f]!;
    out[k] = s * scale + bias[k]!;
  }
}

/** Softmax in place, with a temperature: p_k ∝ exp(z_k / t). */
export function toProbabilities(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    const e = Math.exp((z[k]! - max) / temperature); // k < z.length
    z[k] = e;
    sum += e;
  }
  for (let k = 0; k < z.length; k++) z[k]! /= sum;
  return z;
}
