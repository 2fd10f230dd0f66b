import { BayesModel } from '../../src/nlu/bayes';
import { fitTemperature } from '../../src/nlu/calibrate';

const docs = [
  ...['khai sinh can gi', 'lam khai sinh cho be', 'khai sinh mat bao lau', 'giay khai sinh o dau'].map((t) => ({ features: t.split(' '), label: 'p:khai-sinh' })),
  ...['ket hon can gi', 'dang ky ket hon', 'ket hon mat bao lau', 'giay ket hon o dau'].map((t) => ({ features: t.split(' '), label: 'p:ket-hon' })),
  ...['thoi tiet mai', 'hat mot bai', 'nau pho bo', 'gia vang hom nay', 'da bong toi nay', 'vay ngan hang'].map((t) => ({ features: t.split(' '), label: 'out_of_scope' })),
];

describe('BayesModel (natural BayesClassifier counts, multinomial scoring)', () => {
  const model = BayesModel.train(docs);
  it('learns the labels and ranks the right one first', () => {
    expect(model.labels).toEqual(['out_of_scope', 'p:ket-hon', 'p:khai-sinh']);
    expect(model.predict(['khai', 'sinh', 'le', 'phi'])[0].label).toBe('p:khai-sinh');
    expect(model.predict(['ket', 'hon', 'bao', 'lau'])[0].label).toBe('p:ket-hon');
    expect(model.predict(['gia', 'vang'])[0].label).toBe('out_of_scope');
  });
  it('gives probabilities that sum to one, and ignores unknown features', () => {
    const p = model.predict(['khai', 'sinh']);
    expect(p.reduce((a, b) => a + b.p, 0)).toBeCloseTo(1, 10);
    expect(model.predict(['khai', 'sinh', 'zzz'])).toEqual(p);
  });
  it('does not favour a label just because it has more examples', () => {
    // "mai" is unseen everywhere but "bao lau" is procedure-like: the bigger out_of_scope label must not win.
    expect(model.predict(['bao', 'lau'])[0].label).not.toBe('out_of_scope');
  });
  it('fits a softmax temperature that sharpens or flattens confidence', () => {
    const t = fitTemperature([...docs, ...docs], 2);
    expect(t).toBeGreaterThan(0);
    model.setTemperature(10);
    const flat = model.predict(['khai', 'sinh'])[0].p;
    model.setTemperature(0.5);
    expect(model.predict(['khai', 'sinh'])[0].p).toBeGreaterThan(flat);
  });
});
