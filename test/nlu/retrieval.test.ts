import { EMPTY_LEXICON } from '../../src/nlu/lexicon';
import { phrasePairs, retrievalFeatures, retrievalTokens, TfIdfIndex } from '../../src/nlu/retrieval';

const tokens = (t: string) => retrievalTokens(t, EMPTY_LEXICON);

describe('retrieval features', () => {
  it('folds, splits into syllables and adds bigrams', () => {
    expect(retrievalFeatures(tokens('Giấy khai sinh'))).toEqual([
      'giay',
      'khai',
      'sinh',
      'giay_khai',
      'khai_sinh',
    ]);
  });
  it('leaves out the words standing in a dropped pair, not the same word elsewhere', () => {
    const name = phrasePairs(tokens('xác nhận tình trạng hôn nhân'));
    expect(retrievalFeatures(tokens('kết hôn có cần xác nhận tình trạng hôn nhân không'), name)).toEqual([
      'ket',
      'hon',
      'co',
      'can',
      'khong',
      'ket_hon',
      'hon_co',
      'co_can',
      'can_khong',
    ]);
  });
});

describe('TF-IDF index', () => {
  const docs = [
    { key: 'deadline', features: retrievalFeatures(tokens('sinh con bao lâu thì phải đi khai sinh')) },
    { key: 'late', features: retrievalFeatures(tokens('quá hạn có bị phạt không')) },
    { key: 'fee', features: retrievalFeatures(tokens('lệ phí bao nhiêu')) },
  ];
  const index = new TfIdfIndex(docs);
  it('scores an identical text 1 and ranks by cosine similarity', () => {
    const [top, ...rest] = index.search(retrievalFeatures(tokens('Quá hạn có bị phạt không?')));
    expect(top?.key).toBe('late');
    expect(top?.score).toBeCloseTo(1, 10);
    for (const r of rest) expect(r.score).toBeLessThan(0.2);
  });
  it('ignores words no document has, and filters documents', () => {
    expect(index.search(retrievalFeatures(tokens('dạ em hỏi lệ phí bao nhiêu ạ')))[0]).toMatchObject({
      key: 'fee',
      score: expect.closeTo(1, 10),
    });
    expect(
      index.search(retrievalFeatures(tokens('lệ phí')), (k) => k !== 'fee').every((r) => r.score === 0),
    ).toBe(true);
    expect(index.search([])[0]?.score).toBe(0);
  });
});
