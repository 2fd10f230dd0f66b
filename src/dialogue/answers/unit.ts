// The answer to one answerable unit: the fact first ("Dạ có…" / "Dạ không…" for a yes/no rule), until when
// it applies if that is soon, a pointer to check it when nobody has confirmed it yet, and the related
// section as the first option.
import type { Procedure, Unit } from '../../kb/schema';
import { isVerified } from '../../kb/validity';
import type { Draft } from '../draft';
import { plain } from '../plain';
import { OPTION, ASPECT_OPTIONS } from '../options';
import { nextOptions, redirectLine, untilNote } from './procedure';

/** "Không bị phạt" → "không bị phạt", but "VNeID", "UBND" keep their capitals. */
function lowerFirst(s: string): string {
  return /^\p{Lu}(?:\p{Ll}|\s)/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** The answer's first words, worded as the unit requires. */
export function statedAnswer(u: Unit): string {
  const rest = plain(u.answer).replace(/^Dạ\s*,?\s*/u, '');
  const hedge = isVerified(u)
    ? ''
    : u.kind === 'amount'
      ? 'theo quy định hiện hành, mức tham khảo: '
      : 'theo quy định hiện hành, ';
  if (!u.yes_no) return `Dạ, ${hedge}${lowerFirst(rest)}`;
  const word = u.yes_no === 'yes' ? 'có' : 'không';
  if (!hedge && new RegExp(`^${word}(?!\\p{L})`, 'iu').test(rest)) {
    // "Không bị phạt." → "Dạ không bị phạt."; "Có. Ông, bà…" → "Dạ có. Ông, bà…"
    return `Dạ ${word}${rest.slice(word.length)}`;
  }
  // Only a standalone "Không." / "Có," gives way to the hedge; "Không bị phạt" keeps its "không".
  const body = rest.replace(new RegExp(`^${word}\\s*[,.:;!]\\s*`, 'iu'), '');
  return `Dạ ${word}, ${hedge}${lowerFirst(body)}`;
}

export function unitAnswer(p: Procedure, u: Unit, day: string): Draft {
  const lines = [statedAnswer(u)];
  const until = untilNote(u, day);
  if (until) lines.push(`Quy định này ${until}.`);
  if (!isVerified(u))
    lines.push(
      'Thông tin này đang chờ đối chiếu văn bản chính thức; {ac} vui lòng xem bảng niêm yết tại Trung tâm hoặc trang thủ tục trên Cổng Dịch vụ công quốc gia ạ.',
    );
  lines.push(...redirectLine(p));
  return {
    tone: 'answer',
    lines,
    options: nextOptions([ASPECT_OPTIONS[u.aspect], OPTION.legalBasis], u.aspect),
  };
}
