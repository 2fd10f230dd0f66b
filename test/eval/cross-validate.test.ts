import { crossValidate } from '../../src/eval/cross-validate';
import { SMALL } from '../nlu/fixture';

describe('grouped cross-validation', () => {
  it('scores every training example once, held out of the model that labels it', () => {
    const r = crossValidate(SMALL, 3);
    expect(r.n).toBe(SMALL.examples.length);
    expect(r.labelAccuracy).toBeGreaterThan(0.3);
    expect(r.labelAccuracy).toBeLessThanOrEqual(1);
    expect(crossValidate(SMALL, 3)).toEqual(r);
  });

  it('needs at least two folds', () => {
    expect(() => crossValidate(SMALL, 1)).toThrow(/2 folds/);
  });
});
