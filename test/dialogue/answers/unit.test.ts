import type { Unit } from '../../../src/kb/schema';
import { statedAnswer } from '../../../src/dialogue/answers/unit';

const unit = (answer: string, extra: Partial<Unit> = {}): Unit => ({
  id: 'x',
  kind: 'yes_no',
  questions: ['?'],
  answer,
  aspect: 'general',
  ...extra,
});

describe('the first words of a unit answer', () => {
  it.each([
    ['Dạ không bị phạt. Quá 60 ngày vẫn làm được.', 'no', 'Dạ không bị phạt. Quá 60 ngày vẫn làm được.'],
    ['Không. Nội dung phải đúng giấy tờ.', 'no', 'Dạ không. Nội dung phải đúng giấy tờ.'],
    ['Phải nộp bản sao.', 'no', 'Dạ không, phải nộp bản sao.'],
    ['Có. Ông, bà đi được.', 'yes', 'Dạ có. Ông, bà đi được.'],
    ['Được, nếu có tài khoản VNeID.', 'yes', 'Dạ có, được, nếu có tài khoản VNeID.'],
  ] as const)('%s (%s)', (answer, yes_no, said) => {
    expect(statedAnswer(unit(answer, { yes_no }))).toBe(said);
  });
  it('an unverified fact is worded as the current rule, a reference figure for amounts; a "không" keeps its meaning', () => {
    expect(statedAnswer(unit('Không bị phạt.', { yes_no: 'no', verified: false, source: 'x' }))).toBe(
      'Dạ không, theo quy định hiện hành, không bị phạt.',
    );
    expect(statedAnswer(unit('Không. Đã bỏ.', { yes_no: 'no', verified: false, source: 'x' }))).toBe(
      'Dạ không, theo quy định hiện hành, đã bỏ.',
    );
    expect(
      statedAnswer(unit('Mỗi tháng 810.000 đồng.', { kind: 'amount', verified: false, source: 'x' })),
    ).toBe('Dạ, theo quy định hiện hành, mức tham khảo: mỗi tháng 810.000 đồng.');
    expect(statedAnswer(unit('VNeID cho phép nộp.', { kind: 'rule' }))).toBe('Dạ, VNeID cho phép nộp.');
  });
});
