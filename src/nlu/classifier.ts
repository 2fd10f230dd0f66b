// A calibrated linear text classifier: hashed features → TF-IDF vector → softmax, with the
// temperature fitted on grouped cross-validation (see groups.ts, calibrate.ts).
import { fitTemperature, type HeldOut } from './calibrate';
import { groupFolds } from './groups';
import { Softmax, toProbabilities, type SoftmaxOptions } from './softmax';
import { Vectorizer } from './vectorizer';

export interface ClassifierOptions {
  /** Features need this many training examples to get a weight. */
  minDf: number;
  softmax: SoftmaxOptions;
  /** Folds of the grouped cross-validation the temperature is fitted on (0 or 1: temperature 1). */
  calibrationFolds: number;
  /** A temperature fitted before (retraining after a few taught examples): no cross-validation, one fit. */
  temperature?: number;
}

export class LinearClassifier {
  private constructor(
    /** Class names, sorted; probabilities come in this order. */
    readonly labels: readonly string[],
    private readonly vectorizer: Vectorizer,
    private readonly softmax: Softmax,
    readonly temperature: number,
  ) {}

  /**
   * @param groups near-paraphrase group per example (kept within one fold when calibrating)
   */
  static train(
    buckets: readonly (readonly number[])[],
    labels: readonly string[],
    groups: readonly number[],
    o: ClassifierOptions,
  ): LinearClassifier {
    const names = [...new Set(labels)].sort();
    const index = new Map(names.map((l, i) => [l, i]));
    const ys = Int32Array.from(labels, (l) => index.get(l) ?? 0);
    const fit = (rows: readonly number[]) => {
      const docs = rows.map((i) => buckets[i] ?? []);
      const vectorizer = Vectorizer.fit(docs, o.minDf);
      return {
        vectorizer,
        softmax: Softmax.train(
          docs.map((d) => vectorizer.vector(d)),
          rows.map((i) => ys[i] ?? 0),
          names.length,
          vectorizer.rows,
          o.softmax,
        ),
      };
    };
    const all = Array.from(buckets.keys());
    let temperature = o.temperature ?? 1;
    if (o.temperature === undefined && o.calibrationFolds > 1) {
      const folds = groupFolds(groups, o.calibrationFolds, o.softmax.seed);
      const held: HeldOut[] = [];
      for (let k = 0; k < o.calibrationFolds; k++) {
        const m = fit(all.filter((i) => folds[i] !== k));
        buckets.forEach((b, i) => {
          if (folds[i] === k)
            held.push({ logits: m.softmax.logits(m.vectorizer.vector(b)), truth: ys[i] ?? 0 });
        });
      }
      temperature = fitTemperature(held);
    }
    const { vectorizer, softmax } = fit(all);
    return new LinearClassifier(names, vectorizer, softmax, temperature);
  }

  /** The trained classifier as bytes: a JSON header line, then its typed arrays. */
  toBuffer(bits: number): Buffer {
    const { buckets, idf } = this.vectorizer.state();
    const { weights, bias } = this.softmax.state();
    const header = Buffer.from(
      `${JSON.stringify({ v: 1, bits, labels: this.labels, temperature: this.temperature, rows: idf.length })}\n`,
    );
    const parts = [buckets, idf, weights, bias].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    return Buffer.concat([header, ...parts]);
  }

  /** The classifier `toBuffer` wrote, or null when the bytes are not one. */
  static fromBuffer(buf: Buffer): LinearClassifier | null {
    const nl = buf.indexOf(10);
    if (nl < 0) return null;
    let h: { v: number; bits: number; labels: string[]; temperature: number; rows: number };
    try {
      h = JSON.parse(buf.subarray(0, nl).toString('utf8')) as typeof h;
    } catch {
      return null;
    }
    const K = h.labels.length;
    const sizes = { buckets: h.rows * 4, idf: h.rows * 4, weights: h.rows * K * 4, bias: K * 8 };
    const total = sizes.buckets + sizes.idf + sizes.weights + sizes.bias;
    if (h.v !== 1 || buf.length !== nl + 1 + total) return null;
    // Copied out so every array is aligned whatever the file offset.
    let at = nl + 1;
    const take = (n: number) => {
      const b = new ArrayBuffer(n);
      new Uint8Array(b).set(buf.subarray(at, (at += n)));
      return b;
    };
    const buckets = new Int32Array(take(sizes.buckets));
    const idf = new Float32Array(take(sizes.idf));
    const weights = new Float32Array(take(sizes.weights));
    const bias = new Float64Array(take(sizes.bias));
    return new LinearClassifier(
      h.labels,
      Vectorizer.fromState(buckets, idf),
      Softmax.fromState(K, weights, bias),
      h.temperature,
    );
  }

  /** Calibrated probability per label (in `labels` order). */
  probabilities(buckets: readonly number[]): Float64Array {
    return toProbabilities(this.softmax.logits(this.vectorizer.scratchVector(buckets)), this.temperature);
  }
}
