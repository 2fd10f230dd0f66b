import { maskNumbers } from '../../src/core/mask-numbers';

describe('phone and ID numbers in notes shown to citizens', () => {
  it('masks phones (any spacing) and ID numbers to their last 3 digits', () => {
    expect(maskNumbers('Liên hệ chị Lan 0912345678 hoặc 0912 345 678, +84 912.345.679')).toBe(
      'Liên hệ chị Lan ***678 hoặc ***678, ***679',
    );
    expect(maskNumbers('CCCD 001203004567 của người nộp; CMND 123456789')).toBe(
      'CCCD ***567 của người nộp; CMND ***789',
    );
  });

  it('keeps receipt codes, dates, amounts and short numbers', () => {
    const text =
      'Hồ sơ 000.00.15.H12-251118-0007 hẹn 01.12.2025, lệ phí 1.500.000 đồng, quầy số 3, giờ 07:30';
    expect(maskNumbers(text)).toBe(text);
  });
});
