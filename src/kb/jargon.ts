// Words citizens should not meet in an answer: internal procedure codes, database abbreviations, law
// numbers (those belong in `source` and `legal_basis`, shown on request) and brackets inside brackets.
export interface Jargon {
  kind: 'code' | 'abbreviation' | 'law_number' | 'nested_brackets';
  text: string;
}

const CODE = /(?:\bmã\s+(?:số\s+)?)?\b\d\.\d{6}\b/giu;
const ABBREVIATION = /\bCSDL\b/gu;
// "07/2025/NĐ-CP", "60/2014/QH13", "Nghị định 82/2020", "Thông tư 04/2020"
const LAW_NUMBER =
  /(?:Nghị định|Thông tư|Nghị quyết|Quyết định|Công văn)\s+(?:số\s+)?\d+(?:[./]\d+)*(?:\/[A-ZĐ][A-ZĐ0-9-]*)?|\b\d{1,4}(?:\.\d+)?\/\d{4}\/[A-ZĐ][A-ZĐ0-9-]*/gu;

function nestedBrackets(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') {
      if (depth === 0) start = i;
      depth++;
      if (depth === 2) out.push(text.slice(start, text.indexOf(')', i) + 1 || undefined));
    } else if (text[i] === ')' && depth > 0) depth--;
  }
  return out;
}

export function jargonIn(text: string): Jargon[] {
  const found: Jargon[] = [];
  for (const m of text.matchAll(CODE)) found.push({ kind: 'code', text: m[0] });
  for (const m of text.matchAll(ABBREVIATION)) found.push({ kind: 'abbreviation', text: m[0] });
  for (const m of text.matchAll(LAW_NUMBER)) found.push({ kind: 'law_number', text: m[0] });
  for (const t of nestedBrackets(text)) found.push({ kind: 'nested_brackets', text: t });
  return found;
}
