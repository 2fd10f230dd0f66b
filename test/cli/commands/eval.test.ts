// `motcua eval` over the three kinds of file, end to end through the built CLI.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../support/assistant';

const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-eval-cli-'));
const write = (name: string, rows: unknown[]) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return f;
};

describe('motcua eval', () => {
  it('scores labelled messages, dialogues and fact questions given together', () => {
    const messages = write('messages.jsonl', [
      {
        text: 'làm giấy khai sinh cho con cần những gì',
        intent: 'procedure',
        procedure: 'khai-sinh',
        aspect: 'documents',
        code: null,
        tags: ['short'],
      },
      { text: 'xin chào ạ', intent: 'greeting', procedure: null, aspect: null, code: null, tags: ['short'] },
    ]);
    const dialogues = write('dialogues.jsonl', [
      {
        id: 'd1',
        turns: [
          {
            text: 'làm giấy khai sinh cho con cần những gì',
            intent: 'procedure',
            procedure: 'khai-sinh',
            aspect: 'documents',
          },
          { text: 'còn lệ phí thì sao?', intent: 'procedure', procedure: 'khai-sinh', aspect: 'fee' },
        ],
      },
    ]);
    const facts = write('facts.jsonl', [
      {
        id: 'f1',
        question: 'lệ phí đăng ký khai sinh bao nhiêu',
        procedure: 'khai-sinh',
        expect_any: ['mien le phi', 'miễn phí'],
      },
    ]);
    const stdout = execFileSync('node', [CLI, 'eval', messages, dialogues, facts, '--json'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, SQLITE_PATH: path.join(dir, 'unused.sqlite') },
    });
    const rows = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.kind)).toEqual(['messages', 'dialogues', 'facts']);
    expect(rows[0].report).toMatchObject({ n: 2, labelAccuracy: 1, directAnswers: { threshold: 0.5 } });
    expect(rows[1].report).toMatchObject({ dialogues: 1, turns: 2, turnAccuracy: 1 });
    expect(rows[2].report).toMatchObject({ n: 1, accuracy: 1 });
    // Evaluation uses a throwaway store: nothing is written where the CLI would keep conversations.
    expect(fs.existsSync(path.join(dir, 'unused.sqlite'))).toBe(false);
  });

  it('fails with usage on a missing file', () => {
    expect(() =>
      execFileSync('node', [CLI, 'eval', path.join(dir, 'nope.jsonl')], { cwd: dir, stdio: 'pipe' }),
    ).toThrow();
  });
});
