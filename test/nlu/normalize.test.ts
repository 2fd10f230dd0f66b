import { fold } from '../../src/nlu/fold';
import { compileLexicon } from '../../src/nlu/lexicon';
import { BAD_CODE_TOKEN, CODE_TOKEN, normalize, NUMBER_TOKEN } from '../../src/nlu/normalize';
import { Speller } from '../../src/nlu/speller';
import { isSyllable } from '../../src/nlu/syllable';
import { ngrams } from '../../src/nlu/tokenize';

const lexicon = compileLexicon({
  abbreviations: {
    ko: 'không',
    k: 'không',
    hông: 'không',
    dc: 'được',
    đc: 'được',
    j: 'gì',
    bn: 'bao nhiêu',
    ntn: 'như thế nào',
    gks: 'giấy khai sinh',
    cccd: 'căn cước công dân',
    ubnd: 'ủy ban nhân dân',
    'a/c': 'anh chị',
    z: 'vậy',
  },
  synonyms: { 'bao nhiu': 'bao nhiêu', 'giấy độc thân': 'giấy xác nhận độc thân' },
});
const tokens = (t: string, speller?: Speller) => normalize(t, lexicon, speller).tokens.join(' ');

describe('fold', () => {
  it('folds NFC and NFD input the same way, including đ', () => {
    const nfc = 'Đăng ký khai sinh'.normalize('NFC');
    const nfd = 'Đăng ký khai sinh'.normalize('NFD');
    expect(fold(nfc)).toBe('dang ky khai sinh');
    expect(fold(nfd)).toBe('dang ky khai sinh');
    expect(fold('ĐỒNG Ý')).toBe('dong y');
  });
});

describe('normalize', () => {
  it.each([
    ['Làm GKS cho bé cần j?', 'lam giay khai sinh cho be can gi'],
    ['lam gks cho be can j', 'lam giay khai sinh cho be can gi'],
    ['đk kết hôn có mất tiền ko', 'dk ket hon co mat tien khong'],
    ['sao y 1 trang bao nhiu tien', `sao y ${NUMBER_TOKEN} trang bao nhieu tien`],
    ['xin giấy độc thân dc hông', 'xin giay xac nhan doc than duoc khong'],
    ['a/c ơi cccd mất thì sao z', 'anh chi oi can cuoc cong dan mat thi sao vay'],
    ['khai tử bao lâuuuu 😢🙏!!!', 'khai tu bao lau'],
    ['Khai sinh… cho con?!?', 'khai sinh cho con'],
    ['UBND xã ở đâu', 'uy ban nhan dan xa o dau'],
  ])('%p → %p', (input, expected) => {
    expect(tokens(input)).toBe(expected);
  });

  it('replaces receipt codes and malformed codes by placeholders and reports them', () => {
    const n = normalize('hs 000.16.21.h31-250307-0412 xong chua', lexicon);
    expect(n.tokens).toContain(CODE_TOKEN);
    expect(n.codes).toEqual(['000.16.21.H31-250307-0412']);
    const bad = normalize('tra hồ sơ 000.02.11.H14-251207', lexicon);
    expect(bad.tokens).toContain(BAD_CODE_TOKEN);
    expect(bad.codes).toEqual([]);
    expect(bad.malformedCodes).toEqual(['000.02.11.H14-251207']);
  });
});

describe('speller', () => {
  const speller = new Speller(
    new Map([
      ['nhan', 9],
      ['khong', 20],
      ['giay', 12],
      ['cuoc', 5],
      ['gi', 30],
      ['tuoi', 4],
      ['pho', 0],
    ]),
  );
  it.each([
    ['nhna', 'nhan'],
    ['khog', 'khong'],
    ['giayy', 'giay'],
    ['cuco', 'cuoc'],
    ['gif', 'gi'],
  ])('corrects %p to %p', (typo, fixed) => {
    expect(speller.correct(typo)).toBe(fixed);
  });
  it('leaves valid syllables and short tokens alone', () => {
    expect(speller.correct('phi')).toBe('phi');
    expect(speller.correct('pha')).toBe('pha');
    expect(speller.correct('xyz')).toBe('xyz');
  });
  it('is applied by the normaliser', () => {
    expect(tokens('giấyy tờ nhna khôg', speller)).toBe('giay to nhan khong');
  });
});

describe('syllables and n-grams', () => {
  it('recognises Vietnamese syllable shapes', () => {
    for (const s of ['nghieng', 'khong', 'giay', 'uy', 'quyen', 'thuong', 'a'])
      expect(isSyllable(s)).toBe(true);
    for (const s of ['nhna', 'cuco', 'gif', 'khog', 'giayy']) expect(isSyllable(s)).toBe(false);
  });
  it('keeps syllables and adds their bigrams', () => {
    expect(ngrams(['giay', 'khai', 'sinh'])).toEqual(['giay', 'khai', 'sinh', 'giay_khai', 'khai_sinh']);
  });
});
