// Review warnings: facts ending within 30 days or ended, stale files, unverified facts, writing slips;
// `kb validate` prints them for a given day and never fails on them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { loadKnowledge } from '../../src/kb/load';
import { reviewNotices } from '../../src/kb/review';
import { appliesOn, daysBetween, endsWithin, localDay } from '../../src/kb/validity';

const ROOT = path.resolve(__dirname, '..', '..');
const KNOWLEDGE = path.join(ROOT, 'knowledge');

function knowledgeWith(change: (khaiSinh: Record<string, any>) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-review-'));
  fs.cpSync(KNOWLEDGE, dir, { recursive: true });
  const file = path.join(dir, 'procedures', 'khai-sinh.yaml');
  const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  change(doc);
  fs.writeFileSync(file, YAML.stringify(doc));
  return dir;
}

describe('validity days', () => {
  it('applies from the first to the last day, both included; knows when the end is near', () => {
    const f = { from: '2026-08-15', until: '2027-02-28' };
    expect([
      appliesOn(f, '2026-08-14'),
      appliesOn(f, '2026-08-15'),
      appliesOn(f, '2027-02-28'),
      appliesOn(f, '2027-03-01'),
    ]).toEqual([false, true, true, false]);
    expect(endsWithin(f, '2027-01-29', 30)).toBe(true);
    expect(endsWithin(f, '2027-01-28', 30)).toBe(false);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    // The commune's calendar day, not UTC's: 23:30 UTC is already the next day in Vietnam.
    expect(localDay(new Date('2026-12-31T23:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2027-01-01');
  });
});

describe('review notices', () => {
  const dir = knowledgeWith((d) => {
    d.last_reviewed = '2026-05-01';
    d.fee.items.push({ case: 'Miễn tạm thời', vnd: 0, until: '2027-01-10', source: 'Thông tư thử' });
    d.units.push({
      id: 'het-han',
      kind: 'rule',
      questions: ['Câu hỏi cũ?'],
      answer: 'Dạ, quy định cũ.',
      aspect: 'general',
      until: '2026-11-30',
      source: 'Văn bản cũ',
    });
    d.units[0].answer = 'Dạ, theo Nghị định 07/2025/NĐ-CP thì phải đăng ký trong 60 ngày.';
  });
  const kb = loadKnowledge(dir).kb!;
  const notices = reviewNotices(kb, '2026-12-15').filter((n) => n.procedure === 'khai-sinh');
  const of = (kind: string) => notices.filter((n) => n.kind === kind);

  it('warns 30 days before a fact ends, and about a fact that ended', () => {
    expect(of('expiring')).toEqual([
      expect.objectContaining({
        field: 'fee.items.4',
        date: '2027-01-10',
        subject: 'Miễn tạm thời',
        source: 'Thông tư thử',
      }),
    ]);
    expect(of('expired')).toEqual([
      expect.objectContaining({ field: 'units.9', date: '2026-11-30', subject: 'het-han' }),
    ]);
    expect(
      reviewNotices(kb, '2026-12-10').some((n) => n.kind === 'expiring' && n.procedure === 'khai-sinh'),
    ).toBe(false);
  });
  it('warns about a file not reviewed for 6 months', () => {
    expect(of('stale')).toEqual([expect.objectContaining({ field: 'last_reviewed', date: '2026-05-01' })]);
    expect(
      reviewNotices(kb, '2026-11-01').some((n) => n.kind === 'stale' && n.procedure === 'khai-sinh'),
    ).toBe(false);
  });
  it('lists unverified facts with where to check them, and writing slips', () => {
    expect(of('unverified').map((n) => n.field)).toEqual(['fee.items.1', 'fee.items.2']);
    expect(of('writing')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'units.0.answer', subject: 'Nghị định 07/2025/NĐ-CP' }),
        expect.objectContaining({ field: 'units.9.questions', subject: 'het-han' }),
      ]),
    );
  });
  it('the reviewed civil-status files have no writing slips and nothing stale or ending today', () => {
    const clean = reviewNotices(loadKnowledge(KNOWLEDGE).kb!, '2026-12-02').filter(
      (n) =>
        [
          'khai-sinh',
          'dang-ky-lai-khai-sinh',
          'ket-hon',
          'ket-hon-nuoc-ngoai',
          'khai-tu',
          'xac-nhan-hon-nhan',
          'trich-luc-ho-tich',
        ].includes(n.procedure ?? '') && n.kind !== 'unverified',
    );
    expect(clean).toEqual([]);
  });

  it('`kb validate --today` prints the warnings and still exits 0', () => {
    const out = execFileSync(
      'node',
      [path.join(ROOT, 'dist/src/cli/main.js'), 'kb', 'validate', '--dir', dir, '--today', '2026-12-15'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(out).toContain(
      'warning: procedures/khai-sinh.yaml: fee.items.4: "Miễn tạm thời" applies until 2027-01-10 (26 days)',
    );
    expect(out).toContain(
      'warning: procedures/khai-sinh.yaml: last_reviewed: last reviewed on 2026-05-01, more than 6 months ago',
    );
    expect(out).not.toContain('is not verified');
    const all = execFileSync(
      'node',
      [
        path.join(ROOT, 'dist/src/cli/main.js'),
        'kb',
        'validate',
        '--dir',
        dir,
        '--today',
        '2026-12-15',
        '--unverified',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(all).toContain('"Khai sinh quá hạn" is not verified; check Thông tư 85/2019/TT-BTC');
  });
});
