import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lintExamples } from '../../src/nlu/lint';
import { loadTrainingData } from '../../src/nlu/training-data';
import { fold } from '../../src/nlu/fold';

function dir(files: Record<string, string>): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-intents-'));
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(d, name)), { recursive: true });
    fs.writeFileSync(path.join(d, name), body);
  }
  return d;
}
const key = (t: string) =>
  fold(t)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

describe('training data lint', () => {
  it('reports duplicates, one sentence under two labels, empty intents and unknown procedure ids', () => {
    const d = dir({
      'procedures/khai-sinh.yaml':
        'procedure: khai-sinh\nexamples:\n  documents:\n    - làm khai sinh cần gì\n    - lam khai sinh can gi\n  fee:\n    - khai sinh bao nhiêu tiền\n',
      'procedures/ghost.yaml': 'procedure: khong-co\nexamples:\n  fee:\n    - phí ma\n',
      'intents/greeting.yaml': 'intent: greeting\nexamples:\n  - khai sinh bao nhieu tien\n',
      'intents/thanks.yaml': 'intent: thanks\nexamples: []\n',
      'intents/bogus.yaml': 'intent: weather\nexamples:\n  - mưa\n',
    });
    const { data, problems } = loadTrainingData(d);
    problems.push(...lintExamples(data.examples, key, new Set(['khai-sinh'])));
    const text = problems.map((p) => `${p.file}: ${p.field}: ${p.reason}`).join('\n');
    expect(text).toContain(
      'procedures/khai-sinh.yaml: "lam khai sinh can gi": duplicate of an example in procedures/khai-sinh.yaml',
    );
    expect(text).toMatch(
      /intents\/greeting.yaml: "khai sinh bao nhieu tien": same sentence as in procedures\/khai-sinh.yaml but labelled greeting instead of procedure\/khai-sinh\/fee/,
    );
    expect(text).toContain('intents/thanks.yaml: examples: empty intent: no examples');
    expect(text).toContain('unknown procedure id "khong-co"');
    expect(text).toContain('intents/bogus.yaml: intent: unknown intent "weather"');
  });
});
