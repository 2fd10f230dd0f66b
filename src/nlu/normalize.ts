// The Vietnamese normaliser: raw citizen text → folded, expanded syllable tokens.
// NFC/NFD input, case, diacritics (đ→d), receipt codes → placeholders, emoji and punctuation
// dropped, numbers → placeholder, letter runs collapsed, abbreviations and synonyms expanded,
// typos corrected against the learned vocabulary.
import { fold } from './fold';
import type { Lexicon } from './lexicon';
import { findCodes, findMalformedCodes } from './receipt-code';
import type { Speller } from './speller';
import { splitTokens } from './tokenize';

export const CODE_TOKEN = 'xcode';
export const BAD_CODE_TOKEN = 'xbadcode';
export const NUMBER_TOKEN = 'xnum';

export interface Normalized {
  tokens: string[];
  /** Well-formed receipt codes, canonical form. */
  codes: string[];
  /** Code-like strings of the wrong shape, as typed. */
  malformedCodes: string[];
}

const EMOJI = /\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\u{FE0F}|\u{200D}/gu;
const RUNS = /([a-z])\1{2,}/g;

/** Codes, well-formed or not, hold two digits in a row: most messages have none and skip both scans. */
const DIGIT_PAIR = /[0-9]{2}/;

function replaceCodes(text: string): { text: string; codes: string[]; malformed: string[] } {
  if (!DIGIT_PAIR.test(text)) return { text, codes: [], malformed: [] };
  const matches = findCodes(text);
  let out = text;
  for (const m of [...matches].reverse()) out = `${out.slice(0, m.start)} ${CODE_TOKEN} ${out.slice(m.end)}`;
  const malformed = findMalformedCodes(out);
  for (const bad of malformed) out = out.replace(bad, ` ${BAD_CODE_TOKEN} `);
  return { text: out, codes: matches.map((m) => m.code), malformed };
}

function expand(tokens: string[], lexicon: Lexicon): string[] {
  const out: string[] = [];
  for (const raw of tokens) {
    // Look the token up as typed ("cccd") before collapsing letter runs ("khongggg").
    const t = lexicon.abbreviations.has(raw) ? raw : raw.replace(RUNS, '$1');
    const exp = lexicon.abbreviations.get(t);
    if (exp) out.push(...exp);
    else if (t.includes('/')) out.push(...t.split('/').filter(Boolean));
    else out.push(t);
  }
  return out;
}

function rewrite(tokens: string[], lexicon: Lexicon): string[] {
  if (lexicon.synonyms.size === 0) return tokens;
  const out: string[] = [];
  let i = 0;
  outer: for (let t = tokens[i]; t !== undefined; t = tokens[i]) {
    for (const { from, to } of lexicon.synonyms.get(t) ?? []) {
      if (from.length <= tokens.length - i && from.every((w, k) => tokens[i + k] === w)) {
        out.push(...to);
        i += from.length;
        continue outer;
      }
    }
    out.push(t);
    i++;
  }
  return out;
}

export function normalize(raw: string, lexicon: Lexicon, speller?: Speller): Normalized {
  const nfc = raw.normalize('NFC');
  const { text, codes, malformed } = replaceCodes(nfc);
  const folded = fold(text.replace(EMOJI, ' '));
  const base = splitTokens(folded).map((t) => (/^[0-9]+$/.test(t) ? NUMBER_TOKEN : t));
  const expanded = rewrite(expand(base, lexicon), lexicon);
  const tokens = speller
    ? rewrite(
        expanded.map((t) => speller.correct(t)),
        lexicon,
      )
    : expanded;
  return { tokens, codes, malformedCodes: malformed };
}
