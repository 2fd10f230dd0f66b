// Citizen text without the jargon a knowledge file may still carry: internal procedure codes and law
// numbers go ("giảm 50% theo Thông tư 64/2025/TT-BTC" → "giảm 50% theo quy định", "Mẫu số 04 ban hành
// kèm Nghị định 20/2021/NĐ-CP" → "Mẫu số 04"), "CSDL" is spelled out, "bạn" becomes anh/chị. Writers should not need this
// (`kb validate` warns about each case, and the legal basis is one tap away); it keeps a stray number out
// of a citizen's first message.
const W = String.raw`[\p{L}\p{N}./-]`;
const ARTICLE = String.raw`(?:(?:Điều|điều|khoản|Khoản|điểm|Phụ lục|phụ lục)(?:\s+[\p{N}][\p{L}\p{N}.–-]*)?\s+)*`;
// The number ends on a letter or digit: a sentence's full stop after it is not part of it.
const NUMBER = String.raw`(?:số\s+)?\p{N}[\p{N}.]*\/\p{N}{4}\/${W}*[\p{L}\p{N}]|(?:số\s+)?\p{N}+\/\p{N}{4}`;
const KIND = String.raw`(?:Luật|Nghị định|Thông tư|Nghị quyết|Quyết định|Công văn|NĐ|TT|QĐ|NQ)`;
// "Thông tư 64/2025/TT-BTC", "Nghị định 16/2024/TT-BCA, 17/2024/TT-BCA", "Luật Hộ tịch 2014, Điều 15"
const LAW = String.raw`${ARTICLE}${KIND}(?:\s+\p{L}+)*?\s+(?:${NUMBER})(?:\s*(?:,|và)\s*(?:${NUMBER}))*(?:\s*,?\s*(?:Điều|điều|khoản|Phụ lục)\s*[\p{L}\p{N}.–-]+)*`;
const THEO_LAW = new RegExp(String.raw`\b(?:theo|căn cứ)\s+${LAW}`, 'gu');
const LINKED_LAW = new RegExp(
  String.raw`\s*(?:,\s*)?(?<!\p{L})(?:ban hành kèm|kèm theo|kèm|của|tại|đối chiếu)?\s*${LAW}`,
  'gu',
);
const CODE = /\s*\(?\b(?:thủ tục\s+)?mã\s+(?:số\s+)?\d\.\d{6}(?:[,;]\s*\d\.\d{6})*\b\)?/giu;

function tidy(text: string): string {
  return text
    .replace(/\(\s*[,;]?\s*\)/gu, '')
    .replace(/\(\s*[,;]\s*/gu, '(')
    .replace(/\s*[,;]\s*\)/gu, ')')
    .replace(/\s+([,.;:)])/gu, '$1')
    .replace(/ {2,}/gu, ' ')
    .trim();
}

// The bot addresses citizens as anh/chị, never "bạn" ("bạn bè", "bạn học" are other words).
const INFORMAL = /(?<!\p{L})([Bb])ạn(?!\p{L})(?!\s+(?:bè|học|đời|trẻ))/gu;

export function plain(text: string): string {
  return tidy(
    text
      .replace(CODE, '')
      .replace(THEO_LAW, 'theo quy định')
      .replace(LINKED_LAW, '')
      .replace(/\bCSDL\b/gu, 'cơ sở dữ liệu')
      .replace(INFORMAL, (_m, b: string) => (b === 'B' ? '{Ac}' : '{ac}')),
  );
}
