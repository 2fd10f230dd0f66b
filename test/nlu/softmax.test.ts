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

  it('turns logits into probabilities that sum to one; a higher temperature flattens them', () => {
    const sharp = toProbabilities(Float64Array.from([2, 1, 0]));
    const flat = toProbabilities(Float64Array.from([2, 1, 0]), 4);
    expect(sharp.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(flat[0]).toBeLessThan(sharp[0] ?? 0);
  });
});
