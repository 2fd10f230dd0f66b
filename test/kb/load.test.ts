import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import YAML from 'yaml';
import { KnowledgeHolder } from '../../src/kb/holder';
import { loadKnowledge } from '../../src/kb/load';

const ROOT = path.resolve(__dirname, '..', '..');
const KNOWLEDGE = path.join(ROOT, 'knowledge');
// A copy of ../shared/eval/taxonomy.json, so a lone clone of the repo passes.
const TAXONOMY = path.join(ROOT, 'test', 'fixtures', 'taxonomy.json');

function copyKnowledge(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-kb-'));
  fs.cpSync(KNOWLEDGE, dir, { recursive: true });
  return dir;
}
function edit(dir: string, id: string, change: (doc: Record<string, any>) => void): void {
  const file = path.join(dir, 'procedures', `${id}.yaml`);
  const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  change(doc);
  fs.writeFileSync(file, YAML.stringify(doc));
}

describe('knowledge base', () => {
  it('contains every procedure id of the taxonomy, valid, with legal basis and review date', () => {
    const ids = Object.keys(JSON.parse(fs.readFileSync(TAXONOMY, 'utf8')).procedures);
    const { kb, problems } = loadKnowledge(KNOWLEDGE, ids);
    expect(problems).toEqual([]);
    for (const id of ids) {
      const p = kb!.procedures.get(id)!;
      expect(p.legal_basis.length).toBeGreaterThan(0);
      expect(p.last_reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(kb!.procedures.get('cu-tru')!.authority).toBe('commune_police');
    expect(kb!.procedures.get('can-cuoc')!.redirect).toBeTruthy();
  });

  it.each([
    ['a missing field', (d: any) => delete d.time, 'time', 'missing'],
    [
      'text without diacritics',
      (d: any) => (d.summary = 'dang ky khai sinh o xa'),
      'summary',
      'Vietnamese with diacritics',
    ],
    [
      'a fee that is not a whole number',
      (d: any) => (d.fee.items[0].vnd = 'tám nghìn'),
      'fee.items.0.vnd',
      'expected number',
    ],
    ['a bad review date', (d: any) => (d.last_reviewed = '31/02/2026'), 'last_reviewed', 'YYYY-MM-DD'],
    [
      'an impossible review date',
      (d: any) => (d.last_reviewed = '2026-02-30'),
      'last_reviewed',
      'YYYY-MM-DD',
    ],
    ['an unknown field', (d: any) => (d.gia = 1), '(file)', 'unknown field(s) gia'],
    ['an id that differs from the file name', (d: any) => (d.id = 'khai-sinh-2'), 'id', 'file name'],
    [
      'a police procedure without redirect',
      (d: any) => ((d.authority = 'commune_police'), (d.redirect = null)),
      'redirect',
      'redirect',
    ],
    [
      'a dated fee item without source',
      (d: any) => Object.assign(d.fee.items[0], { until: '2027-02-28', source: null }),
      'fee.items.0.source',
      'dated or unverified',
    ],
    [
      'an unverified fee item without source',
      (d: any) => Object.assign(d.fee.items[0], { verified: false, source: null }),
      'fee.items.0.source',
      'dated or unverified',
    ],
    [
      'a period that ends before it starts',
      (d: any) =>
        Object.assign(d.fee.items[0], { from: '2027-03-01', until: '2027-02-28', source: 'Thông tư' }),
      'fee.items.0.until',
      'before from',
    ],
    [
      'an impossible validity date',
      (d: any) => Object.assign(d.units[0], { until: '2027-02-29', source: 'Luật' }),
      'units.0.until',
      'YYYY-MM-DD',
    ],
    [
      'a dated unit without source',
      (d: any) => Object.assign(d.units[0], { from: '2026-08-15', source: null }),
      'units.0.source',
      'dated or unverified',
    ],
    ['a unit id used twice', (d: any) => (d.units[1].id = d.units[0].id), 'units.1.id', 'used twice'],
    ['a unit kind that does not exist', (d: any) => (d.units[0].kind = 'tip'), 'units.0.kind', 'deadline'],
    [
      'a yes_no unit that says neither',
      (d: any) => ((d.units[0].kind = 'yes_no'), (d.units[0].yes_no = null)),
      'units.0.yes_no',
      'yes or no',
    ],
    [
      'a unit without questions',
      (d: any) => (d.units[0].questions = []),
      'units.0.questions',
      'at least one question',
    ],
    [
      'a unit answer over 350 characters',
      (d: any) => (d.units[0].answer = 'Dạ, '.repeat(100)),
      'units.0.answer',
      'at most 350',
    ],
    [
      'a unit answer without diacritics',
      (d: any) => (d.units[0].answer = 'khong bi phat'),
      'units.0.answer',
      'Vietnamese with diacritics',
    ],
    ['the old faq field', (d: any) => (d.faq = []), '(file)', 'unknown field(s) faq'],
  ])('rejects %s with file, field and reason', (_what, change, field, reason) => {
    const dir = copyKnowledge();
    edit(dir, 'khai-sinh', change);
    const { kb, problems } = loadKnowledge(dir);
    expect(kb).toBeUndefined();
    const p = problems.find((x) => x.file === 'procedures/khai-sinh.yaml' && x.field === field);
    expect(p).toBeDefined();
    expect(p!.reason).toContain(reason);
  });

  it('accepts dated, unverified facts with a source, and questions typed without diacritics', () => {
    const dir = copyKnowledge();
    edit(dir, 'khai-sinh', (d) => {
      d.fee.items.push({
        case: 'Bản sao trích lục (miễn phí tạm thời)',
        vnd: 0,
        from: '2026-08-15',
        until: '2027-02-28',
        verified: false,
        source: 'Thông tư 117/2026/TT-BTC',
      });
      d.units.push({
        id: 'han-khai-sinh-test',
        kind: 'deadline',
        questions: ['sinh con bao lau phai khai sinh'],
        answer: 'Dạ, trong 60 ngày kể từ ngày sinh.',
        yes_no: null,
        aspect: 'general',
        from: null,
        until: null,
        verified: true,
        source: 'Luật Hộ tịch 2014, Điều 15',
      });
    });
    const { kb, problems } = loadKnowledge(dir);
    expect(problems).toEqual([]);
    const p = kb!.procedures.get('khai-sinh')!;
    expect(p.fee.items.at(-1)).toMatchObject({ from: '2026-08-15', until: '2027-02-28', verified: false });
    expect(p.units.at(-1)).toMatchObject({
      id: 'han-khai-sinh-test',
      questions: ['sinh con bao lau phai khai sinh'],
    });
  });

  it('reports a missing taxonomy procedure and broken YAML', () => {
    const dir = copyKnowledge();
    fs.rmSync(path.join(dir, 'procedures', 'giam-ho.yaml'));
    fs.writeFileSync(path.join(dir, 'procedures', 'khai-tu.yaml'), 'id: khai-tu\nname: [unclosed');
    const { problems } = loadKnowledge(dir, ['giam-ho']);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'procedures/giam-ho.yaml',
          reason: expect.stringContaining('required by the taxonomy'),
        }),
        expect.objectContaining({
          file: 'procedures/khai-tu.yaml',
          field: '(file)',
          reason: expect.stringContaining('YAML'),
        }),
      ]),
    );
  });

  it('keeps the last good version when a file breaks, and reports it', () => {
    const dir = copyKnowledge();
    const reported: unknown[] = [];
    const holder = KnowledgeHolder.open(dir, (p) => reported.push(...p));
    edit(dir, 'khai-sinh', (d) => (d.fee.summary = 'Lệ phí mới: 1.000 đồng.'));
    expect(holder.reload()).toEqual([]);
    expect(holder.current().procedures.get('khai-sinh')!.fee.summary).toBe('Lệ phí mới: 1.000 đồng.');
    fs.writeFileSync(path.join(dir, 'procedures', 'khai-sinh.yaml'), ':::: not yaml');
    expect(holder.reload().length).toBeGreaterThan(0);
    expect(reported.length).toBeGreaterThan(0);
    expect(holder.current().procedures.get('khai-sinh')!.fee.summary).toBe('Lệ phí mới: 1.000 đồng.');
  });

  it('`motcua kb validate` prints file: field: reason and exits non-zero', () => {
    const dir = copyKnowledge();
    edit(dir, 'ket-hon', (d) => delete d.legal_basis);
    let out = '';
    let code = 0;
    try {
      execFileSync('node', [path.join(ROOT, 'dist/src/cli/main.js'), 'kb', 'validate', '--dir', dir], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e: any) {
      out = e.stdout;
      code = e.status;
    }
    expect(code).toBe(1);
    expect(out).toContain('procedures/ket-hon.yaml: legal_basis: is missing');
  });
});
