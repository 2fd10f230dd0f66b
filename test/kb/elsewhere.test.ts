// The redirect catalogue (knowledge/elsewhere/): its schema, loading with the knowledge base, and the
// `kb validate` cross-check with the training examples in intents/elsewhere/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { redirectLinkProblems } from '../../src/kb/elsewhere-links';
import { loadKnowledge } from '../../src/kb/load';
import { reviewNotices } from '../../src/kb/review';
import { loadTrainingData } from '../../src/nlu/training-data';

const ROOT = path.resolve(__dirname, '..', '..');
const KNOWLEDGE = path.join(ROOT, 'knowledge');
const INTENTS = path.join(ROOT, 'intents');
const CLI = path.join(ROOT, 'dist/src/cli/main.js');

function copy(dir: string): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-elsewhere-'));
  fs.cpSync(dir, out, { recursive: true });
  return out;
}
function editEntry(dir: string, id: string, change: (doc: Record<string, any>) => void): void {
  const file = path.join(dir, 'elsewhere', `${id}.yaml`);
  const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  change(doc);
  fs.writeFileSync(file, YAML.stringify(doc));
}
function validate(args: string[]): { code: number; out: string } {
  try {
    return {
      code: 0,
      out: execFileSync('node', [CLI, 'kb', 'validate', ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    };
  } catch (e: any) {
    return { code: e.status, out: e.stdout };
  }
}

describe('the redirect catalogue', () => {
  const { kb, problems } = loadKnowledge(KNOWLEDGE);

  it('loads with the knowledge base: every entry valid, with an authority, where, how and a source', () => {
    expect(problems).toEqual([]);
    expect(kb!.elsewhere.size).toBeGreaterThanOrEqual(45);
    for (const e of kb!.elsewhere.values()) {
      expect(e).toMatchObject({
        authority: expect.any(String),
        where: expect.any(String),
        source: expect.any(String),
        verified: expect.any(Boolean),
      });
      expect(e.how.length).toBeGreaterThan(0);
      // Never a redirect for a procedure the bot guides.
      expect(kb!.procedures.has(e.id)).toBe(false);
    }
  });

  it('every entry has at least 20 training examples, and every redirect in intents/elsewhere has an entry', () => {
    const examples = loadTrainingData(INTENTS).data.examples;
    expect(redirectLinkProblems(kb!.elsewhere.keys(), examples)).toEqual([]);
    const short = [...kb!.elsewhere.keys()].filter(
      (id) => examples.filter((e) => e.redirect === id).length < 20,
    );
    expect(short).toEqual([]);
  });

  it('lists unverified entries with their source among the review notices', () => {
    const unverified = reviewNotices(kb!, '2026-12-03').filter((n) => n.file.startsWith('elsewhere/'));
    const expected = [...kb!.elsewhere.values()].filter((e) => !e.verified).map((e) => e.id);
    expect(unverified.map((n) => n.subject)).toEqual(expected);
    expect(unverified[0]).toMatchObject({
      kind: 'unverified',
      procedure: null,
      field: 'verified',
      source: expect.any(String),
    });
  });

  it.each([
    ['a missing authority', (d: any) => delete d.authority, 'authority', 'missing'],
    [
      'a where without diacritics',
      (d: any) => (d.where = 'Cong an tinh'),
      'where',
      'Vietnamese with diacritics',
    ],
    ['no way to apply', (d: any) => (d.how = []), 'how', 'at least one way'],
    ['a way too long for a phone', (d: any) => (d.how = ['Nộp trực tuyến '.repeat(20)]), 'how.0', 'at most'],
    ['an unknown handler', (d: any) => (d.handled_by = 'district'), 'handled_by', 'commune'],
    ['an unknown field', (d: any) => (d.phone = '113'), '(file)', 'unknown field(s) phone'],
    ['an id that differs from the file name', (d: any) => (d.id = 'passport'), 'id', 'file name'],
    ['no verified flag', (d: any) => delete d.verified, 'verified', 'missing'],
  ])('rejects %s with file, field and reason', (_what, change, field, reason) => {
    const dir = copy(KNOWLEDGE);
    editEntry(dir, 'ho-chieu', change);
    const r = loadKnowledge(dir);
    expect(r.kb).toBeUndefined();
    const p = r.problems.find((x) => x.file === 'elsewhere/ho-chieu.yaml' && x.field === field);
    expect(p).toBeDefined();
    expect(p!.reason).toContain(reason);
  });

  it('rejects an entry that would shadow a procedure the bot guides', () => {
    const dir = copy(KNOWLEDGE);
    const doc = YAML.parse(fs.readFileSync(path.join(dir, 'elsewhere', 'ho-chieu.yaml'), 'utf8'));
    fs.writeFileSync(
      path.join(dir, 'elsewhere', 'khai-sinh.yaml'),
      YAML.stringify({ ...doc, id: 'khai-sinh' }),
    );
    expect(loadKnowledge(dir).problems).toEqual([
      expect.objectContaining({
        file: 'elsewhere/khai-sinh.yaml',
        field: 'id',
        reason: expect.stringContaining('shadow'),
      }),
    ]);
  });

  it('a knowledge folder without a catalogue still loads (an empty catalogue)', () => {
    const dir = copy(KNOWLEDGE);
    fs.rmSync(path.join(dir, 'elsewhere'), { recursive: true });
    expect(loadKnowledge(dir).kb!.elsewhere.size).toBe(0);
  });
});

describe('`kb validate` and the training examples', () => {
  it('passes on the repository, naming the catalogue', () => {
    const r = validate([]);
    expect(r.code).toBe(0);
  });

  it('reports a redirect in intents/elsewhere that the catalogue does not have', () => {
    const intents = copy(INTENTS);
    fs.writeFileSync(
      path.join(intents, 'elsewhere', 'cap-phep-karaoke.yaml'),
      YAML.stringify({ redirect: 'cap-phep-karaoke', examples: ['xin giấy phép kinh doanh karaoke ở đâu'] }),
    );
    const r = validate(['--intents', intents]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'intents/elsewhere/cap-phep-karaoke.yaml: redirect: cap-phep-karaoke is not in the catalogue',
    );
  });

  it('reports a catalogue entry nobody wrote training examples for', () => {
    const dir = copy(KNOWLEDGE);
    const doc = YAML.parse(fs.readFileSync(path.join(dir, 'elsewhere', 'ho-chieu.yaml'), 'utf8'));
    fs.writeFileSync(
      path.join(dir, 'elsewhere', 'the-apec.yaml'),
      YAML.stringify({ ...doc, id: 'the-apec', name: 'Thẻ đi lại doanh nhân APEC' }),
    );
    const r = validate(['--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('elsewhere/the-apec.yaml: id: has no training examples');
  });

  it('reports each unknown redirect once, however many examples it has', () => {
    const examples = [1, 2, 3].map((i) => ({
      redirect: 'nope',
      source: 'elsewhere/nope.yaml',
      text: `x${i}`,
    }));
    expect(
      redirectLinkProblems(
        ['ho-chieu'],
        [...examples, { redirect: 'ho-chieu', source: 'elsewhere/ho-chieu.yaml' }],
      ),
    ).toEqual([
      {
        file: 'intents/elsewhere/nope.yaml',
        field: 'redirect',
        reason: expect.stringContaining('not in the catalogue'),
      },
    ]);
  });
});
