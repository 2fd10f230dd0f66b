import path from 'node:path';
import { loadModel } from '../../src/nlu/load-model';
import { NluModel } from '../../src/nlu/model';
import { ROOT } from '../support/assistant';
import { SMALL } from './fixture';

const PROBES = [
  'khai sinh cần giấy gì',
  'kết hôn lệ phí bao nhiêu',
  'xin chào',
  'làm hộ chiếu cần gì',
  'giá vàng',
  'gks bao lâu',
];

describe('NluModel on a small training set', () => {
  const model = NluModel.train(SMALL);

  it('is deterministic: the same data gives the same predictions, to the last digit', async () => {
    // A fresh copy of the module, so its model cache cannot hand back the model trained above.
    let again = model;
    await jest.isolateModulesAsync(async () => {
      again = (await import('../../src/nlu/model')).NluModel.train(SMALL);
    });
    expect(again).not.toBe(model);
    expect(PROBES.map((t) => again.understand(t))).toEqual(PROBES.map((t) => model.understand(t)));
  });

  it('learns procedures with their aspect', () => {
    expect(model.understand('khai sinh cho con cần giấy tờ gì')).toMatchObject({
      intent: 'procedure',
      procedure: 'khai-sinh',
      aspect: 'documents',
      namesAspect: true,
    });
    expect(model.understand('kết hôn bao lâu thì xong')).toMatchObject({
      intent: 'procedure',
      procedure: 'ket-hon',
      aspect: 'time',
    });
  });

  it('surfaces a redirect label as an out-of-scope understanding with its catalogue entry', () => {
    const u = model.understand('tôi muốn làm hộ chiếu thì hỏi ở đâu');
    expect(u).toMatchObject({ intent: 'out_of_scope', redirect: 'ho-chieu', procedure: null });
    expect(model.understand('giá vàng hôm nay bao nhiêu')).toMatchObject({
      intent: 'out_of_scope',
      redirect: null,
    });
  });

  it('gives probabilities: confidence in [0, 1], candidates best first', () => {
    for (const t of PROBES) {
      const u = model.understand(t);
      expect(u.confidence).toBeGreaterThanOrEqual(0);
      expect(u.confidence).toBeLessThanOrEqual(1);
      const ps = u.procedureCandidates.map((c) => c.p);
      expect(ps).toEqual([...ps].sort((a, b) => b - a));
    }
    expect(model.temperature).toBeGreaterThan(0);
  });
});

describe('NluModel on the repo training data', () => {
  const model = loadModel(path.join(ROOT, 'intents'));

  it.each([
    ['làm giấy khai sinh cho con cần những gì', 'khai-sinh'],
    ['lam giay khai sinh cho con can nhung gi', 'khai-sinh'],
    ['lam giay khai sinh cho con can nhung j', 'khai-sinh'],
    ['đăng kí kết hôn lệ phí bao nhiu', 'ket-hon'],
    ['dang ky ket hon le phi bao nhieu', 'ket-hon'],
    ['lm can cuoc cho be 10 tuoi o dau', 'can-cuoc'],
    ['chung thuc ban sao giay to mat bao nhieu tien', 'chung-thuc-ban-sao'],
  ])('reads a typo or a missing diacritic as the same question: %s', (text, procedure) => {
    expect(model.understand(text)).toMatchObject({ intent: 'procedure', procedure });
  });

  it('is less sure of gibberish than of a plain question', () => {
    expect(model.understand('xyzq bnm qwe').confidence).toBeLessThan(
      model.understand('làm giấy khai sinh cho con cần những gì').confidence,
    );
  });
});

describe('the trained-model cache', () => {
  it('returns the same model for the same data, and trains anew when an example is added', () => {
    const first = NluModel.train(SMALL);
    expect(NluModel.train({ ...SMALL, examples: [...SMALL.examples] })).toBe(first);
    const taught = NluModel.train({
      ...SMALL,
      examples: [
        ...SMALL.examples,
        {
          text: 'bé nhà em mới sinh, em phải làm gì',
          intent: 'procedure',
          procedure: 'khai-sinh',
          aspect: 'general',
          source: 'taught',
        },
      ],
    });
    expect(taught).not.toBe(first);
    expect(taught.exampleCount).toBe(SMALL.examples.length + 1);
  });
});
