import { DEFAULT_FEATURES, hashedFeatures } from '../../src/nlu/features';

describe('hashed features', () => {
  it('are the same for the same tokens and fit in the bucket space', () => {
    const a = hashedFeatures(['khai', 'sinh'], ['@fee']);
    expect(hashedFeatures(['khai', 'sinh'], ['@fee'])).toEqual(a);
    expect(a.every((b) => b >= 0 && b < 2 ** DEFAULT_FEATURES.bits)).toBe(true);
  });

  it('share character n-grams between a typo and the right spelling', () => {
    const right = new Set(hashedFeatures(['khai', 'sinh'], []));
    const typo = hashedFeatures(['khia', 'sinh'], []);
    const shared = typo.filter((b) => right.has(b)).length;
    expect(shared / typo.length).toBeGreaterThan(0.4);
  });

  it('can leave character n-grams out (charMax below charMin)', () => {
    expect(hashedFeatures(['khai', 'sinh'], ['@fee'], { ...DEFAULT_FEATURES, charMax: 0 })).toHaveLength(4);
  });
});
