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
        const { idx, val } = xs[i];
        const eta = o.eta0 / (1 + o.eta0 * o.lambda * t++);
        scores(w, bias, scale, K, idx, val, z);
        toProbabilities(z);
        z[ys[i]] -= 1;
        scale *= 1 - eta * o.lambda;
        const step = eta / scale;
        for (let k = 0; k < K; k++) {
          const g = z[k];
          if (g > -TINY && g < TINY) continue;
          bias[k] -= eta * g;
          const sg = step * g;
          for (let f = 0; f < idx.length; f++) w[idx[f] * K + k] -= sg * val[f];
        }
        if (scale < 1e-6) {
          for (let j = 0; j < w.length; j++) w[j] *= scale;
          scale = 1;
        }
      }
    }
    for (let j = 0; j < w.length; j++) w[j] *= scale;
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

function scores(
  w: Float32Array,
  bias: Float64Array,
  scale: number,
  K: number,
  idx: Int32Array,
  val: Float32Array,
  out: Float64Array,
): void {
  out.fill(0);
  for (let f = 0; f < idx.length; f++) {
    const base = idx[f] * K;
    const v = val[f];
    for (let k = 0; k < K; k++) out[k] += w[base + k] * v;
  }
  for (let k = 0; k < K; k++) out[k] = out[k] * scale + bias[k];
}

/** Softmax in place, with a temperature: p_k ∝ exp(z_k / t). */
export function toProbabilities(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    z[k] = Math.exp((z[k] - max) / temperature);
    sum += z[k];
  }
  for (let k = 0; k < z.length; k++) z[k] /= sum;
  return z;
}
