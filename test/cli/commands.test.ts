// The JSONL commands are contracts other tools depend on: only the contract's JSON on stdout.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../support/assistant';

const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');

function run(
  args: string[],
  input: string,
  env: Record<string, string> = {},
): { stdout: string; status: number } {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-cli-'));
  // A .env file in the working directory must not leak into the run (natural's dotenv pitfall).
  fs.writeFileSync(path.join(cwd, '.env'), 'MOTCUA_SHOULD_NOT_LOAD=1\n');
  try {
    const stdout = execFileSync('node', [CLI, ...args], {
      cwd,
      input,
      encoding: 'utf8',
      env: { ...process.env, SQLITE_PATH: path.join(cwd, 'cli.sqlite'), ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      // training-data prints every example: several MB.
      maxBuffer: 64 << 20,
    });
    return { stdout, status: 0 };
  } catch (e: any) {
    return { stdout: e.stdout, status: e.status };
  }
}

const jsonLines = (s: string) =>
  s
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('motcua classify', () => {
  it('writes exactly one JSON object per input line with the contract fields', () => {
    const input = [
      'lam giay khai sinh can gi',
      'lệ phí đăng ký kết hôn bao nhiêu',
      'tra hồ sơ 000 . 00 . 15 . h12 - 251118 - 0007',
      'mai có bão không',
      '',
    ].join('\n');
    const { stdout, status } = run(['classify'], input);
    expect(status).toBe(0);
    const rows = jsonLines(stdout);
    expect(rows).toHaveLength(4);
    for (const r of rows)
      expect(Object.keys(r)).toEqual(['text', 'intent', 'procedure', 'aspect', 'code', 'confidence']);
    expect(rows[0]).toMatchObject({
      intent: 'procedure',
      procedure: 'khai-sinh',
      aspect: 'documents',
      code: null,
    });
    expect(rows[1]).toMatchObject({ intent: 'procedure', procedure: 'ket-hon', aspect: 'fee' });
    expect(rows[2]).toMatchObject({
      intent: 'status_lookup',
      procedure: null,
      aspect: null,
      code: '000.00.15.H12-251118-0007',
    });
    expect(rows[3]).toMatchObject({ intent: 'out_of_scope', procedure: null, aspect: null });
    for (const r of rows) expect(r.confidence).toBeGreaterThanOrEqual(0);
  });
});

describe('motcua converse', () => {
  it('keeps context per conversation id and returns the replies the citizen receives', () => {
    const lines = [
      { conversation: 'a', text: 'lam giay khai sinh cho be can gi' },
      { conversation: 'b', text: 'chào xã' },
      { conversation: 'a', text: 'còn lệ phí thì sao?' },
      { conversation: 'b', text: 'tra hồ sơ' },
      { conversation: 'b', text: '000.00.15.H12-251118-0099' },
    ];
    const { stdout, status } = run(['converse'], lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(status).toBe(0);
    const rows = jsonLines(stdout);
    expect(rows.map((r) => r.conversation)).toEqual(['a', 'b', 'a', 'b', 'b']);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual([
        'conversation',
        'intent',
        'procedure',
        'aspect',
        'code',
        'confidence',
        'replies',
      ]);
      expect(r.replies.length).toBeGreaterThan(0);
      for (const reply of r.replies) expect(Object.keys(reply)).toEqual(['text', 'options']);
    }
    expect(rows[0].replies[0].text).toContain('xin chào');
    expect(rows[2]).toMatchObject({ intent: 'procedure', procedure: 'khai-sinh', aspect: 'fee' });
    expect(rows[2].replies[0].text).not.toContain('xin chào');
    expect(rows[3].replies.at(-1).text).toContain('mã hồ sơ');
    expect(rows[4]).toMatchObject({ intent: 'status_lookup', code: '000.00.15.H12-251118-0099' });
    expect(rows[4].replies[0].text).toContain('xin lỗi');
  });

  it('answers a bad input line with an error object and a non-zero exit, never a crash', () => {
    const { stdout, status } = run(
      ['converse'],
      '{"conversation": 1}\nnot json\n{"conversation":"x","text":"chào"}\n',
    );
    const rows = jsonLines(stdout);
    expect(rows).toHaveLength(3);
    expect(rows[0].error).toBeDefined();
    expect(rows[1].error).toBeDefined();
    expect(rows[2].conversation).toBe('x');
    expect(status).toBe(1);
  });
});

describe('motcua training-data and intents lint', () => {
  it('prints the training examples as JSON lines', () => {
    const { stdout, status } = run(['training-data'], '');
    expect(status).toBe(0);
    const rows = jsonLines(stdout);
    expect(rows.length).toBeGreaterThan(1000);
    expect(Object.keys(rows[0])).toEqual(['text', 'intent', 'procedure', 'aspect', 'redirect']);
    expect(new Set(rows.map((r) => r.intent))).toEqual(
      new Set([
        'procedure',
        'status_lookup',
        'greeting',
        'thanks',
        'goodbye',
        'ask_human',
        'office_info',
        'complaint',
        'out_of_scope',
      ]),
    );
  });
  it('lints the shipped training data clean', () => {
    expect(run(['intents', 'lint'], '').status).toBe(0);
  });
});
