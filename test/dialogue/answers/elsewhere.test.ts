// The answer to a procedure the bot does not guide: who handles it, where and how, phone-sized, 3-biết.
import path from 'node:path';
import { elsewhereAnswer } from '../../../src/dialogue/answers/elsewhere';
import { finish } from '../../../src/dialogue/finish';
import { OPTION } from '../../../src/dialogue/options';
import { FIRST_LIMIT } from '../../../src/dialogue/split';
import { styleViolations } from '../../../src/dialogue/style-check';
import type { ElsewhereEntry } from '../../../src/kb/elsewhere-schema';
import { loadKnowledge } from '../../../src/kb/load';

const kb = loadKnowledge(path.resolve(__dirname, '..', '..', '..', 'knowledge')).kb!;
const c = kb.commune;
const who = { address: 'anh/chị', centreName: c.centre_name };
const entry = (over: Partial<ElsewhereEntry> = {}): ElsewhereEntry => ({
  id: 'ho-chieu',
  name: 'Cấp, cấp lại hộ chiếu phổ thông',
  handled_by: 'other_authority',
  authority: 'Phòng Quản lý xuất nhập cảnh Công an tỉnh/thành phố',
  where: 'Phòng Quản lý xuất nhập cảnh nơi anh/chị cư trú.',
  how: ['Nộp trực tuyến trên Cổng Dịch vụ công quốc gia.', 'Nộp trực tiếp, mang thẻ căn cước.'],
  note: 'Trẻ em dưới 14 tuổi do cha mẹ làm thay.',
  verified: true,
  source: 'x',
  ...over,
});
const text = (e: ElsewhereEntry, greet = false) =>
  finish(elsewhereAnswer(e), who, greet)
    .map((r) => r.text)
    .join('\n');

describe('redirect answer', () => {
  it('says the commune does not handle it, then who does, where and how, with the note', () => {
    const t = text(entry());
    expect(t).toMatch(
      /^Dạ, em xin lỗi anh\/chị, thủ tục cấp, cấp lại hộ chiếu phổ thông không do UBND xã giải quyết ạ\./u,
    );
    expect(t).toContain(
      'Nơi giải quyết: Phòng Quản lý xuất nhập cảnh Công an tỉnh/thành phố. Phòng Quản lý xuất nhập cảnh nơi anh/chị cư trú.',
    );
    expect(t).toContain(
      '- Nộp trực tuyến trên Cổng Dịch vụ công quốc gia.\n- Nộp trực tiếp, mang thẻ căn cước.',
    );
    expect(t).toContain('Trẻ em dưới 14 tuổi do cha mẹ làm thay.');
    expect(t).toMatch(/Em cảm ơn anh\/chị!$/u);
  });

  it('for a procedure the commune handles without a guide: "xã có giải quyết" and the counter', () => {
    const t = text(
      entry({
        handled_by: 'commune',
        name: 'Đăng ký nuôi con nuôi trong nước',
        authority: 'UBND xã nơi thường trú',
        where: 'Trung tâm phục vụ hành chính công xã.',
        note: null,
      }),
    );
    expect(t).toMatch(
      /^Dạ, thủ tục đăng ký nuôi con nuôi trong nước xã có giải quyết, nhưng em xin lỗi anh\/chị, em chưa có hướng dẫn chi tiết/u,
    );
    expect(t).toContain('Nơi giải quyết: UBND xã nơi thường trú. Trung tâm phục vụ hành chính công xã.');
    expect(t).toContain('cán bộ một cửa sẽ hướng dẫn anh/chị');
    expect(t).not.toContain('không do UBND xã');
  });

  it('offers the way back to the menu and to a person', () => {
    const replies = finish(elsewhereAnswer(entry()), who, false);
    expect(replies.at(-1)!.options).toEqual(expect.arrayContaining([OPTION.procedures, OPTION.human]));
  });

  it('every catalogue entry, greeting included, fits one phone message and keeps the 3-biết style', () => {
    const problems: string[] = [];
    for (const e of kb.elsewhere.values()) {
      const replies = finish(elsewhereAnswer(e), who, true);
      const [first] = replies;
      if (!first || replies.length !== 1 || first.text.length > FIRST_LIMIT)
        problems.push(`${e.id}: ${replies.length} bubbles, ${first?.text.length ?? 0} characters`);
      for (const v of styleViolations(replies, {
        greet: true,
        centreName: c.centre_name,
        cannotHelp: true,
        closing: true,
      }))
        problems.push(`${e.id}: ${v}`);
      if (!first?.text.includes(e.authority)) problems.push(`${e.id}: does not name its authority`);
    }
    expect(problems).toEqual([]);
  });
});
