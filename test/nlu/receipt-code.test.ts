import { findCodes, findMalformedCodes, isValidCode, normalizeCode } from '../../src/nlu/receipt-code';

describe('receipt code extraction', () => {
  const cases: Array<[string, string]> = [
    ['000.00.15.H12-251118-0007', '000.00.15.H12-251118-0007'],
    ['tra hồ sơ 000.00.15.h12-251118-0007 giúp em', '000.00.15.H12-251118-0007'],
    ['mã số000.43.05.H67-260112-0240 sao lâu vậy', '000.43.05.H67-260112-0240'],
    ['mã:000.16.21.h31-260623-0505', '000.16.21.H31-260623-0505'],
    ['check ho so 000 . 31 . 08 . H50 - 250917 - 0654', '000.31.08.H50-250917-0654'],
    ['000.02.11.h14 - 260225 - 0063 có kết quả chưa', '000.02.11.H14-260225-0063'],
    ['HỒ SƠ 000.00.06.G09-260512-0108.', '000.00.06.G09-260512-0108'],
    ['ma 000.43.05.H67 - 250719 - 0300, bữa nay lấy được chưa?', '000.43.05.H67-250719-0300'],
    ['(000.00.09.H04-250115-0021)', '000.00.09.H04-250115-0021'],
    ['mã hs là000.00.09.H04–250115–0021nhé', '000.00.09.H04-250115-0021'],
  ];
  it.each(cases)('finds the code in %p', (text, code) => {
    const found = findCodes(text);
    expect(found.map((f) => f.code)).toEqual([code]);
    expect(isValidCode(found[0]?.code)).toBe(true);
  });

  it('finds several codes in order', () => {
    expect(
      findCodes('hai mã 000.00.15.H12-251118-0007 và 000.00.15.H12-251118-0008').map((c) => c.code),
    ).toEqual(['000.00.15.H12-251118-0007', '000.00.15.H12-251118-0008']);
  });

  const malformed = [
    'tra hồ sơ 000.02.11.H14-251207',
    'ma ho so 000.31.H50-251030-0041',
    'hs của em số 000.00.09.H4-250610-0225 ạ',
    'mã 000.00.15.X12-251118-0007',
    'mã 000.00.15.H12-251118-00071',
  ];
  it.each(malformed)('reports a malformed code in %p and no valid one', (text) => {
    expect(findCodes(text)).toEqual([]);
    expect(findMalformedCodes(text).length).toBe(1);
  });

  const notCodes = [
    'gọi 0912.345.678 giúp em',
    'ngày 12/05/2025 em nộp',
    'thủ tục 1.001193 là gì',
    'lệ phí 8.000 đồng',
    'sinh năm 1975',
  ];
  it.each(notCodes)('does not mistake %p for a code', (text) => {
    expect(findCodes(text)).toEqual([]);
    expect(findMalformedCodes(text)).toEqual([]);
  });

  it('normalises case and spaces', () => {
    expect(normalizeCode('000 . 00 . 15 . h12 - 251118 - 0007')).toBe('000.00.15.H12-251118-0007');
    expect(isValidCode({ $ne: null })).toBe(false);
  });
});
