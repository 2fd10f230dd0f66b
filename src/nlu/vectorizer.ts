// Turns hashed features into unit-length sparse vectors over the buckets seen in training, weighted
// by sublinear term frequency and inverse document frequency. Buckets never seen in training carry
// no weight in a linear model, so they are dropped and the weight table stays small.
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

/** Knuth's multiplicative hash: spreads the buckets over the slots whatever their low bits. */
const MIX = 0x9e3779b1;

export class Vectorizer {
  /** Scratch term counts per row, zeroed again after each use (vector() never yields). */
  private readonly counts: Uint16Array;
  /**
   * bucket → row, open addressing with linear probing: [bucket, row] pairs, bucket -1 when empty, at
   * most half full. A few hundred kB instead of a 2^bits table of MBs: classify looks up every feature
   * here, and a table this size stays in the CPU cache.
   */
  private readonly slots: Int32Array;
  private readonly shift: number;
  /** Arrays of scratchVector(), grown to the longest message seen. */
  private scratch: SparseVector = { idx: new Int32Array(256), val: new Float32Array(256) };

  private constructor(
    /** The bucket of each row. */
    private readonly buckets: Int32Array,
    private readonly idf: Float32Array,
  ) {
    this.counts = new Uint16Array(idf.length);
    const slotBits = Math.max(4, Math.ceil(Math.log2(2 * buckets.length + 1)));
    this.shift = 32 - slotBits;
    this.slots = new Int32Array(2 << slotBits).fill(-1);
    buckets.forEach((b, r) => {
      let s = this.slotOf(b);
      while (this.slots[2 * s] !== -1) s = (s + 1) & ((1 << slotBits) - 1);
      this.slots[2 * s] = b;
      this.slots[2 * s + 1] = r;
    });
  }

  private slotOf(bucket: number): number {
    return Math.imul(bucket, MIX) >>> this.shift;
  }

  /** The row of a bucket, or -1 for buckets unseen in training. */
  private rowOf(bucket: number): number {
    const last = (this.slots.length >> 1) - 1;
    for (let s = this.slotOf(bucket); ; s = (s + 1) & last) {
      const b = this.slots[2 * s];
      if (b === bucket) return this.slots[2 * s + 1] ?? -1;
      if (b === -1 || b === undefined) return -1;
    }
  }

  get rows(): number {
    return this.idf.length;
  }

  /** Buckets seen in fewer than `minDf` training examples get no row: one-off n-grams only memorise. */
  static fit(docs: readonly (readonly number[])[], minDf = 1): Vectorizer {
    const df = new Map<number, number>();
    for (const d of docs) for (const b of new Set(d)) df.set(b, (df.get(b) ?? 0) + 1);
    const buckets: number[] = [];
    const idf: number[] = [];
    for (const [b, n] of df) {
      if (n < minDf) continue;
      buckets.push(b);
      idf.push(Math.log((1 + docs.length) / (1 + n)) + 1);
    }
    return new Vectorizer(Int32Array.from(buckets), Float32Array.from(idf));
  }

  /** The fitted state: the buckets that have a row (in row order) and their idf. */
  state(): { buckets: Int32Array; idf: Float32Array } {
    return { buckets: this.buckets, idf: this.idf };
  }

  static fromState(buckets: Int32Array, idf: Float32Array): Vectorizer {
    return new Vectorizer(buckets, idf);
  }

  vector(buckets: readonly number[]): SparseVector {
    const idx = new Int32Array(buckets.length);
    const val = new Float32Array(buckets.length);
    const n = this.fill(buckets, idx, val);
    return { idx: idx.subarray(0, n), val: val.subarray(0, n) };
  }

  /**
   * vector() in arrays the vectorizer keeps, overwritten by the next call: for a vector used at once
   * (classifying). Spares allocating two buffers per message, which V8 keeps outside its heap.
   */
  scratchVector(buckets: readonly number[]): SparseVector {
    if (this.scratch.idx.length < buckets.length) {
      const size = Math.max(buckets.length, 2 * this.scratch.idx.length);
      this.scratch = { idx: new Int32Array(size), val: new Float32Array(size) };
    }
    const { idx, val } = this.scratch;
    const n = this.fill(buckets, idx, val);
    return { idx: idx.subarray(0, n), val: val.subarray(0, n) };
  }

  /** Writes the vector of `buckets` into idx and val (at least buckets.length long); returns its length. */
  private fill(buckets: readonly number[], idx: Int32Array, val: Float32Array): number {
    let n = 0;
    for (const b of buckets) {
      const r = this.rowOf(b);
      if (r < 0) continue;
      if (this.counts[r]!++ === 0) idx[n++] = r; // r < rows = counts.length
    }
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const r = idx[i]!; // i < n <= idx.length
      const c = this.counts[r]!;
      this.counts[r] = 0;
      const idf = this.idf[r]!;
      const w = c === 1 ? idf : (1 + Math.log(c)) * idf;
      val[i] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < n; k++) val[k]! /= norm;
    return n;
  }
}
