import { Vectorizer } from '../../src/nlu/vectorizer';

describe('Vectorizer', () => {
  const docs = [
    [1, 2, 3, 3],
    [2, 4, 5],
    [1, 5, 6, 6, 6],
  ];
  const vectorizer = Vectorizer.fit(docs);

  it('gives unit-length TF-IDF vectors over the buckets seen in training', () => {
    const { idx, val } = vectorizer.vector([3, 3, 6, 99]);
    expect(idx.length).toBe(2);
    expect(val.reduce((a, v) => a + v * v, 0)).toBeCloseTo(1, 6);
  });

  it('the scratch vector is the same vector, also for messages longer than its first arrays', () => {
    const long = Array.from({ length: 600 }, (_, i) => 1 + (i % 6));
    for (const d of [...docs, [6, 1], long, [2]]) {
      const fresh = vectorizer.vector(d);
      const scratch = vectorizer.scratchVector(d);
      expect(Array.from(scratch.idx)).toEqual(Array.from(fresh.idx));
      expect(Array.from(scratch.val)).toEqual(Array.from(fresh.val));
    }
  });
});
