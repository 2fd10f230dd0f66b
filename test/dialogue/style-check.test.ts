// The style check's issue-9 rules: thanks once and at the end, at most 3 bubbles, no jargon up front.
import type { Reply } from '../../src/core/message';
import { styleViolations } from '../../src/dialogue/style-check';
import { finish } from '../../src/dialogue/finish';
import { FIRST_LIMIT, splitLines, TEXT_LIMIT } from '../../src/dialogue/split';

const ctx = { greet: false, centreName: 'Trung tâm', cannotHelp: false, closing: false };
const r = (...texts: string[]): Reply[] =>
  texts.map((text, i) => ({ text, options: i === texts.length - 1 ? ['Gặp cán bộ'] : [] }));

describe('style check', () => {
  it('thanks once, at the end, and not again later in the conversation', () => {
    expect(
      styleViolations(r('Dạ, anh/chị mang giấy tờ ạ.', 'Em cảm ơn anh/chị ạ.'), { ...ctx, closing: true }),
    ).toEqual([]);
    expect(
      styleViolations(r('Dạ, em cảm ơn anh/chị. Mời anh/chị mang giấy tờ ạ.', 'Em cảm ơn anh/chị ạ.'), ctx),
    ).toContain('thanks 2 times (once, at the end of the answer)');
    expect(styleViolations(r('Dạ, em cảm ơn anh/chị ạ.', 'Mời anh/chị chọn bên dưới ạ.'), ctx)).toContain(
      'thanks before the last bubble',
    );
    expect(
      styleViolations(r('Dạ, anh/chị mang giấy tờ. Em cảm ơn anh/chị ạ.'), { ...ctx, thankedBefore: true }),
    ).toContain('thanks again (already thanked in this conversation)');
  });
  it('at most 3 bubbles; no codes or law numbers in the first, unless the legal basis was asked for', () => {
    expect(styleViolations(r('Dạ ạ anh/chị', 'Dạ', 'Dạ', 'Dạ ạ?'), ctx)).toContain('4 bubbles (at most 3)');
    const law = r('Dạ, anh/chị xem Nghị định 07/2025/NĐ-CP (mã 1.000689) ạ.');
    expect(styleViolations(law, ctx)).toEqual([
      'jargon in the first bubble: mã 1.000689',
      'jargon in the first bubble: Nghị định 07/2025/NĐ-CP',
    ]);
    expect(styleViolations(law, { ...ctx, legalBasis: true })).toEqual([]);
  });
});

describe('finish and split', () => {
  const who = { address: 'anh/chị', centreName: 'Trung tâm' };
  it('thanks at the end of the first answer only, never twice in one', () => {
    const draft = { tone: 'answer' as const, lines: ['Dạ, đây là câu trả lời.'], options: ['Lệ phí'] };
    expect(finish(draft, who, false).at(-1)!.text).toContain('Em cảm ơn anh/chị đã hỏi ạ.');
    expect(
      finish(draft, who, false, { thank: false })
        .map((x) => x.text)
        .join('\n'),
    ).not.toContain('cảm ơn');
    const thanking = { ...draft, lines: ['Dạ, em cảm ơn anh/chị đã gửi mã.'] };
    expect(
      finish(thanking, who, false)
        .map((x) => x.text)
        .join('\n')
        .match(/cảm ơn/g),
    ).toHaveLength(1);
  });
  it('the first bubble fits a phone screen, the others 1,500 characters', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `${i + 1}. ${'giấy tờ '.repeat(8)}`);
    const bubbles = splitLines(lines);
    expect(bubbles[0]?.length).toBeLessThanOrEqual(FIRST_LIMIT);
    expect(bubbles.length).toBeGreaterThan(1);
    for (const b of bubbles.slice(1)) expect(b.length).toBeLessThanOrEqual(TEXT_LIMIT);
    expect(bubbles.join('\n')).toBe(lines.join('\n'));
  });
});
