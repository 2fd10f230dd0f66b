import { groupFolds, paraphraseGroups } from '../../src/nlu/groups';

describe('paraphrase groups and folds', () => {
  const tokens = [
    ['khai', 'sinh', 'can', 'giay', 'gi'],
    ['khai', 'sinh', 'can', 'nhung', 'giay', 'gi'],
    ['le', 'phi', 'khai', 'sinh', 'bao', 'nhieu'],
    ['ket', 'hon', 'can', 'giay', 'gi'],
  ];
  const labels = ['p:khai-sinh', 'p:khai-sinh', 'p:khai-sinh', 'p:ket-hon'];

  it('joins near-paraphrases of one label, not of different labels', () => {
    const g = paraphraseGroups(tokens, labels);
    expect(g[0]).toBe(g[1]);
    expect(g[2]).not.toBe(g[0]);
    expect(g[3]).not.toBe(g[0]);
  });

  it('keeps each group in one fold, the same way every time', () => {
    const g = paraphraseGroups(tokens, labels);
    const folds = groupFolds(g, 2, 9);
    expect(folds[0]).toBe(folds[1]);
    expect(groupFolds(g, 2, 9)).toEqual(folds);
    expect(new Set(folds).size).toBe(2);
  });
});
