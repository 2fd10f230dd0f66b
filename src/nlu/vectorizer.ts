// Turns hashed features into unit-length sparse vectors over the buckets seen in training, weighted
// by sublinear term frequency and inverse document frequency. Buckets never seen in training carry
// no weight in a linear model, so they are dropped and the weight table stays small.
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

export class Vectorizer {
  /** Scratch term counts per row, zeroed again after each use (vector() never yields). */
  private readonly counts: Uint16Array;

  private constructor(
    /** bucket → row, or -1 for buckets unseen in training. */
    private readonly rowOf: Int32Array,
    private readonly idf: Float32Array,
  ) {
    this.counts = new Uint16Array(idf.length);
  }

  get rows(): number {
    return this.idf.length;
  }

  /** Buckets seen in fewer than `minDf` training examples get no row: one-off n-grams only memorise. */
  static fit(docs: readonly (readonly number[])[], bits: number, minDf = 1): Vectorizer {
    const df = new Map<number, number>();
    for (const d of docs) for (const b of new Set(d)) df.set(b, (df.get(b) ?? 0) + 1);
    const rowOf = new Int32Array(1 << bits).fill(-1);
    const idf: number[] = [];
    for (const [b, n] of df) {
      if (n < minDf) continue;
      rowOf[b] = idf.length;
      idf.push(Math.log((1 + docs.length) / (1 + n)) + 1);
    }
    return new Vectorizer(rowOf, Float32Array.from(idf));
  }

  /** The fitted state: the buckets that have a row (in row order) and their idf. */
  state(): { buckets: Int32Array; idf: Float32Array } {
    const buckets = new Int32Array(this.idf.length);
    this.rowOf.forEach((r, b) => {
      if (r >= 0) buckets[r] = b;
    });
    return { buckets, idf: this.idf };
  }

  static fromState(bits: number, buckets: Int32Array, idf: Float32Array): Vectorizer {
    const rowOf = new Int32Array(1 << bits).fill(-1);
    buckets.forEach((b, r) => {
      rowOf[b] = r;
    });
    return new Vectorizer(rowOf, idf);
  }

  vector(buckets: readonly number[]): SparseVector {
    const seen = new Int32Array(buckets.length);
    let n = 0;
    for (const b of buckets) {
      const r = this.rowOf[b] ?? -1;
      if (r < 0) continue;
      if (this.counts[r]!++ === 0) seen[n++] = r; // r < rows = counts.length
    }
    const idx = seen.subarray(0, n);
    const val = new Float32Array(n);
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const r = idx[i]!; // i < n = idx.length
      const c = this.counts[r]!;
      this.counts[r] = 0;
      const idf = this.idf[r]!;
      const w = c === 1 ? idf : (1 + Math.log(c)) * idf;
      val[i] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < n; k++) val[k]! /= norm;
    return { idx, val };
  }
}
