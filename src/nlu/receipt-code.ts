// Receipt codes are found by a deterministic, tolerant pattern (never by the classifier):
// any case, spaces around "." and "-", and glued to words ("mã số000.00.15.H12-251118-0007").

/** The canonical form: 000.00.15.H12-251118-0007 (taxonomy.json receipt_code.pattern). */
export const CODE_PATTERN = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[GH][0-9]{2}-[0-9]{6}-[0-9]{4}$/;

const SEP_DOT = String.raw`\s*\.\s*`;
const SEP_DASH = String.raw`\s*[-–]\s*`;
const TOLERANT = new RegExp(
  String.raw`(?<![0-9])[0-9]{3}${SEP_DOT}[0-9]{2}${SEP_DOT}[0-9]{2}${SEP_DOT}[gh][0-9]{2}${SEP_DASH}[0-9]{6}${SEP_DASH}[0-9]{4}(?![0-9])`,
  'gi',
);
// Something a citizen meant as a code but got wrong: digit groups joined by "." or "-", with an
// agency group (H/G + digits) or a yymmdd-like group. Phone numbers and dates do not look like this.
const CODE_LIKE = /(?<![0-9a-z])[0-9]{2,4}(?:\s*[.\-–]\s*[0-9a-z]{1,8}){2,}(?![0-9a-z])/gi;
const AGENCY_OR_DATE = /[gh][0-9]{1,3}|[.\-–]\s*[0-9]{6}(?![0-9])/i;

export interface CodeMatch {
  code: string; // canonical upper-case form without spaces
  start: number;
  end: number;
}

export function normalizeCode(raw: string): string {
  return raw.replace(/\s+/g, '').replace(/–/g, '-').toUpperCase();
}

export function isValidCode(x: unknown): x is string {
  return typeof x === 'string' && CODE_PATTERN.test(x);
}

/** Every well-formed code in the text, in order. */
export function findCodes(text: string): CodeMatch[] {
  return [...text.matchAll(TOLERANT)].map((m) => ({
    code: normalizeCode(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Code-like strings that are not well-formed codes (to explain what a code looks like). */
export function findMalformedCodes(text: string): string[] {
  const withoutValid = text.replace(TOLERANT, ' ');
  return [...withoutValid.matchAll(CODE_LIKE)].map((m) => m[0].trim()).filter((s) => AGENCY_OR_DATE.test(s));
}
