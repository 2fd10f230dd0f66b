import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readEvalSet } from '../../src/eval/sets';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-sets-'));
const write = (name: string, rows: unknown[]) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, rows.map((r) => JSON.stringify(r)).join('\n'));
  return f;
};

describe('evaluation files', () => {
  it('tells the three kinds apart by their fields', () => {
    expect(
      readEvalSet(
        write('m.jsonl', [
          { text: 'xin chào', intent: 'greeting', procedure: null, aspect: null, code: null },
        ]),
      ).kind,
    ).toBe('messages');
    expect(
      readEvalSet(
        write('d.jsonl', [
          { id: 'd1', turns: [{ text: 'xin chào', intent: 'greeting', procedure: null, aspect: null }] },
        ]),
      ).kind,
    ).toBe('dialogues');
    expect(
      readEvalSet(
        write('f.jsonl', [
          { id: 'f1', question: 'lệ phí khai sinh', procedure: 'khai-sinh', expect_any: ['miễn phí'] },
        ]),
      ).kind,
    ).toBe('facts');
  });

  it('refuses a file mixing kinds or with a line that is not JSON', () => {
    expect(() =>
      readEvalSet(
        write('mixed.jsonl', [
          { text: 'a', intent: 'greeting' },
          { id: 'x', turns: [] },
        ]),
      ),
    ).toThrow(/one kind/);
    const bad = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(bad, '{"text": "a"}\nnot json\n');
    expect(() => readEvalSet(bad)).toThrow(/line 2/);
  });
});
