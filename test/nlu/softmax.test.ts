import { Softmax, toProbabilities } from '../../src/nlu/softmax';
import type { SparseVector } from '../../src/nlu/vectorizer';

const vec = (pairs: Array<[number, number]>): SparseVector => ({
  idx: Int32Array.from(pairs, (p) => p[0]),
  val: Float32Array.from(pairs, (p) => p[1]),
});

describe('Softmax', () => {
  // Three classes, each told by its own feature; feature 3 is shared noise.
  const xs = [
    vec([[0, 1]]),
    vec([[1, 1]]),
    vec([[2, 1]]),
    vec([
      [0, 0.8],
      [3, 0.6],
    ]),
    vec([
      [1, 0.8],
      [3, 0.6],
    ]),
    vec([
      [2, 0.8],
      [3, 0.6],
    ]),
  ];
  const ys = [0, 1, 2, 0, 1, 2];
  const opts = { lambda: 1e-4, epochs: 50, eta0: 1, seed: 3 };
  const model = Softmax.train(xs, ys, 3, 4, opts);

  it('learns a separable problem', () => {
    xs.forEach((x, i) => {
      const p = toProbabilities(model.logits(x));
      expect(p.indexOf(Math.max(...p))).toBe(ys[i]);
    });
  });

  it('is deterministic for a seed', () => {
    const again = Softmax.train(xs, ys, 3, 4, opts);
    const [, , , x] = xs;
    if (!x) throw new Error('fixture has four examples');
    expect(Array.from(again.logits(x))).toEqual(Array.from(model.logits(x)));
  });

  it('logits are the plain dot products, summed feature by feature, over more features than one chunk', () => {
    // 40 features, 10 classes: several chunks of features and class blocks, and a padded stride.
    const wide = Array.from({ length: 30 }, (_, i) =>
      vec(Array.from({ length: 40 }, (_, f): [number, number] => [f, ((i * 7 + f * 3) % 11) / 11])),
    );
    const labels = wide.map((_, i) => i % 10);
    const m = Softmax.train(wide, labels, 10, 40, opts);
    const { weights, bias } = m.state();
    for (const x of wide) {
      const plain = Array.from(bias, (b, k) => {
        let s = 0;
        x.idx.forEach((r, f) => (s += (weights[r * 10 + k] ?? NaN) * (x.val[f] ?? NaN)));
        return s + b;
      });
      expect(Array.from(m.logits(x))).toEqual(plain);
    }
  });

  it('turns logits into probabilities that sum to one; a higher temperature flattens them', () => {
    const sharp = toProbabilities(Float64Array.from([2, 1, 0]));
    const flat = toProbabilities(Float64Array.from([2, 1, 0]), 4);
    expect(sharp.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(flat[0]).toBeLessThan(sharp[0] ?? 0);
  });
});
