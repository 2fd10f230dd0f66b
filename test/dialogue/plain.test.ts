import { jargonIn } from '../../src/kb/jargon';
import { plain } from '../../src/dialogue/plain';

describe('plain citizen text', () => {
  it.each([
    [
      'làm khai sinh có yếu tố nước ngoài (mã 2.000528), nay cũng ở xã.',
      'làm khai sinh có yếu tố nước ngoài, nay cũng ở xã.',
    ],
    ['Cổng Dịch vụ công quốc gia (thủ tục mã 1.004884).', 'Cổng Dịch vụ công quốc gia.'],
    ['Từ 01/9/2020 (Nghị định 82/2020/NĐ-CP) đã bỏ phạt.', 'Từ 01/9/2020 đã bỏ phạt.'],
    ['giảm 50% theo Thông tư 64/2025/TT-BTC', 'giảm 50% theo quy định'],
    ['Tờ khai Mẫu số 04 ban hành kèm Nghị định 20/2021/NĐ-CP.', 'Tờ khai Mẫu số 04.'],
    [
      'Giấy đề nghị (Mẫu số 01 Phụ lục Quyết định 24/2021/QĐ-TTg), bản chính.',
      'Giấy đề nghị (Mẫu số 01), bản chính.',
    ],
    [
      'người khuyết tật (đối chiếu Thông tư 73/2024/TT-BTC, hỏi Công an xã).',
      'người khuyết tật (hỏi Công an xã).',
    ],
    ['tra trên CSDL quốc gia', 'tra trên cơ sở dữ liệu quốc gia'],
    ['nếu bạn mang bản chính; Bạn nên hỏi trước', 'nếu {ac} mang bản chính; {Ac} nên hỏi trước'],
  ])('%s', (before, after) => {
    expect(plain(before)).toBe(after);
    expect(jargonIn(plain(before))).toEqual([]);
  });
  it('keeps what is not jargon', () => {
    for (const t of [
      'mỗi bản 2.000 đồng',
      'Luật Hộ tịch 2014 cho phép',
      'hỏi bạn bè',
      'trong 60 ngày (kể từ ngày sinh)',
    ])
      expect(plain(t)).toBe(t);
  });
  it('jargon is found: codes, CSDL, law numbers, brackets inside brackets', () => {
    expect(
      jargonIn('mã 1.000689, CSDL, Nghị định 07/2025/NĐ-CP, (mỗi bản (2.000 + 1.000))').map((j) => j.kind),
    ).toEqual(['code', 'abbreviation', 'law_number', 'nested_brackets']);
  });
});
