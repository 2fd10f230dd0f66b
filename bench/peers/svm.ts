// The peer the issue names: TF-IDF over word 1–2-grams and character 2–5-grams of folded text, and
// a one-vs-rest linear SVM trained by Pegasos (stochastic sub-gradient on the hinge loss, L2).
// Written independently of motcua's model (string features, no lexicon, no speller) on purpose.
import { fold } from '../../src/nlu/fold';
import { seededRng, shuffle } from '../../src/nlu/rng';
import type { Peer, PeerExample } from './peer';

const LAMBDA = 1e-4;
const EPOCHS = 15;

function terms(text: string): string[] {
  const words = fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const out = [...words];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]!} ${words[i + 1]!}`);
  const s = ` ${words.join(' ')} `;
  for (let n = 2; n <= 5; n++) for (let i = 0; i + n <= s.length; i++) out.push(`#${s.slice(i, i + n)}`);
  return out;
}

interface Vec {
  idx: number[];
  val: number[];
}

export class SvmPeer implements Peer {
  readonly name = 'TF-IDF + linear SVM';
  private vocab = new Map<string, number>();
  private idf: number[] = [];
  private labels: string[] = [];
  /** Per class: weights over the vocabulary plus a bias at the end. */
  private w: Float64Array[] = [];

  private vector(text: string): Vec {
    const tf = new Map<number, number>();
    for (const t of terms(text)) {
      const i = this.vocab.get(t);
      if (i !== undefined) tf.set(i, (tf.get(i) ?? 0) + 1);
    }
    const idx: number[] = [];
    const val: number[] = [];
    for (const [i, n] of tf) {
      idx.push(i);
      val.push((1 + Math.log(n)) * (this.idf[i] ?? 0));
    }
    const norm = Math.sqrt(val.reduce((a, v) => a + v * v, 0)) || 1;
    idx.push(this.vocab.size);
    val.push(norm); // bias feature 1 after normalisation
    return { idx, val: val.map((v) => v / norm) };
  }

  async train(examples: readonly PeerExample[]): Promise<void> {
    const df = new Map<string, number>();
    for (const e of examples) for (const t of new Set(terms(e.text))) df.set(t, (df.get(t) ?? 0) + 1);
    for (const [t, n] of df) {
      this.vocab.set(t, this.vocab.size);
      this.idf.push(Math.log((1 + examples.length) / (1 + n)) + 1);
    }
    this.labels = [...new Set(examples.map((e) => e.label))].sort();
    const xs = examples.map((e) => this.vector(e.text));
    const ys = examples.map((e) => this.labels.indexOf(e.label));
    const dim = this.vocab.size + 1;
    const rng = seededRng(11);
    this.w = this.labels.map((_, k) => {
      const w = new Float64Array(dim);
      let scale = 1;
      let t = 1;
      const order = Array.from(xs.keys());
      for (let epoch = 0; epoch < EPOCHS; epoch++) {
        for (const i of shuffle(order, rng)) {
          const eta = 1 / (LAMBDA * (t++ + 100));
          const y = ys[i] === k ? 1 : -1;
          const x = xs[i];
          if (!x) continue;
          const { idx, val } = x;
          // f < idx.length = val.length; every index is < dim = w.length.
          let m = 0;
          for (let f = 0; f < idx.length; f++) m += w[idx[f]!]! * val[f]!;
          m *= scale;
          scale *= 1 - eta * LAMBDA;
          if (y * m < 1) for (let f = 0; f < idx.length; f++) w[idx[f]!]! += (eta * y * val[f]!) / scale;
          if (scale < 1e-9) {
            for (let j = 0; j < dim; j++) w[j]! *= scale;
            scale = 1;
          }
        }
      }
      for (let j = 0; j < dim; j++) w[j]! *= scale;
      return w;
    });
  }

  label(text: string): string {
    const { idx, val } = this.vector(text);
    let best = 0;
    let bestScore = -Infinity;
    this.w.forEach((w, k) => {
      let s = 0;
      for (let f = 0; f < idx.length; f++) s += w[idx[f]!]! * val[f]!;
      if (s > bestScore) {
        bestScore = s;
        best = k;
      }
    });
    return this.labels[best] ?? '';
  }
}
