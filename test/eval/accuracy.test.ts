// Holds the classifier to the assistant's accuracy targets on both labelled sets.
import fs from 'node:fs';
import path from 'node:path';
import { loadModel } from '../../src/nlu/load-model';
import { score, type Labelled } from '../../src/eval/score';
import { ROOT } from '../support/assistant';

const SETS = [path.join(ROOT, 'eval', 'own-set.jsonl'), path.join(ROOT, '..', 'shared', 'eval', 'dev.jsonl')].filter((f) => fs.existsSync(f));
const model = loadModel(path.join(ROOT, 'intents'));

describe.each(SETS)('accuracy on %s', (file) => {
  const gold = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Labelled);
  const r = score(gold, gold.map((g) => model.understand(g.text)));
  it('meets the targets', () => {
    expect(r.intentAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(r.procedureAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(r.perTag.no_diacritics.intentAccuracy).toBeGreaterThanOrEqual(0.93);
    expect(r.perTag.no_diacritics.procedureAccuracy).toBeGreaterThanOrEqual(0.93);
    expect(r.outOfScope.precision).toBeGreaterThanOrEqual(0.9);
    expect(r.outOfScope.recall).toBeGreaterThanOrEqual(0.9);
    expect(r.codeExactMatch).toBe(1);
  });
});

it('scores a tiny set by hand', () => {
  const gold: Labelled[] = [
    { text: 'a', intent: 'procedure', procedure: 'khai-sinh', aspect: 'fee', code: null, tags: ['short'] },
    { text: 'b', intent: 'out_of_scope', procedure: null, aspect: null, code: null, tags: ['short'] },
    { text: 'c', intent: 'status_lookup', procedure: null, aspect: null, code: '000.00.15.H12-251118-0007', tags: [] },
  ];
  const r = score(gold, [
    { intent: 'procedure', procedure: 'khai-sinh', aspect: 'time', code: null, confidence: 0.9 },
    { intent: 'procedure', procedure: 'ket-hon', aspect: 'fee', code: null, confidence: 0.4 },
    { intent: 'status_lookup', procedure: null, aspect: null, code: '000.00.15.H12-251118-0007', confidence: 1 },
  ]);
  expect(r.intentAccuracy).toBeCloseTo(2 / 3);
  expect(r.labelAccuracy).toBeCloseTo(2 / 3);
  // Two of three at or above the answer threshold (0.5), both right.
  expect(r.directAnswers).toEqual({ threshold: 0.5, coverage: 2 / 3, accuracy: 1 });
  expect(r.procedureAccuracy).toBe(1);
  expect(r.aspectAccuracy).toBe(0);
  expect(r.codeExactMatch).toBe(1);
  expect(r.outOfScope).toEqual({ precision: 1, recall: 0 });
  expect(r.perTag.short).toEqual({ n: 2, intentAccuracy: 0.5, procedureAccuracy: 1 });
  expect(r.confusions).toEqual(
    expect.arrayContaining([{ expected: 'out_of_scope', predicted: 'procedure/ket-hon/fee', count: 1 }, { expected: 'procedure/khai-sinh/fee', predicted: 'procedure/khai-sinh/time', count: 1 }]),
  );
});
