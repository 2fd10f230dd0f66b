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

  static fit(docs: readonly (readonly number[])[], bits: number): Vectorizer {
    const rowOf = new Int32Array(1 << bits).fill(-1);
    const df: number[] = [];
    for (const d of docs) {
      for (const b of new Set(d)) {
        let r = rowOf[b];
        if (r < 0) {
          r = rowOf[b] = df.length;
          df.push(0);
        }
        df[r]++;
      }
    }
    const idf = Float32Array.from(df, (n) => Math.log((1 + docs.length) / (1 + n)) + 1);
    return new Vectorizer(rowOf, idf);
  }

  vector(buckets: readonly number[]): SparseVector {
    const seen: number[] = [];
    for (const b of buckets) {
      const r = this.rowOf[b];
      if (r < 0) continue;
      if (this.counts[r]++ === 0) seen.push(r);
    }
    const idx = Int32Array.from(seen);
    const val = new Float32Array(seen.length);
    let norm = 0;
    seen.forEach((r, i) => {
      const w = (1 + Math.log(this.counts[r])) * this.idf[r];
      this.counts[r] = 0;
      val[i] = w;
      norm += w * w;
    });
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < val.length; k++) val[k] /= norm;
    return { idx, val };
  }
}
