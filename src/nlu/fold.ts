// Folding makes "Đăng ký", "dang ky" and "ĐĂNG KÝ" the same string: lower case, NFD, no marks, đ→d.
const MARKS = /[\u0300-\u036f]/g;

export function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
}

/** True when the text carries Vietnamese tone/vowel marks (used by the reply style check). */
export function hasVietnameseMarks(text: string): boolean {
  return /[\u0300-\u036fđĐ]/.test(text.normalize('NFD'));
}

/** Comparison key for words typed by people: no case, diacritics, punctuation or extra spaces. */
export function foldKey(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
