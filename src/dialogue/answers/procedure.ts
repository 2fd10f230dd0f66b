// Answers about one procedure from the knowledge base, phone-first: the first message holds the direct
// answer and the few things most people need; the full list, the special cases and the legal basis are
// behind options. Facts are the ones valid on `day`; near the end of a period the answer says until when.
import type { Aspect } from '../../core/labels';
import type { FeeItem, Procedure } from '../../kb/schema';
import { appliesOn, endsWithin, isVerified, viDate } from '../../kb/validity';
import type { Draft } from '../draft';
import { midSentence, numbered, vnd } from '../format';
import { ASPECT_OPTIONS, OPTION, type View } from '../options';
import { plain } from '../plain';
import { foldKey } from '../../nlu/fold';
import { MAX_OPTIONS } from '../finish';

/** A fact ending this soon says until when. */
export const ENDS_SOON_DAYS = 30;
/** Papers shown in the first message; the rest behind "Xem đủ giấy tờ". */
const FIRST_PAPERS = 5;
/** Characters of paper lines in the first message (with a greeting it must stay within 700). */
const PAPERS_BUDGET = 330;
/** Characters of fee lines in the first message; a note longer than SHORT_NOTE waits for the posted list. */
const FEES_BUDGET = 300;
const SHORT_NOTE = 30;
const FIRST_FEES = 4;
const FIRST_FREE_CASES = 1;
const FIRST_ELIGIBILITY = 3;

/** Items are joined into one line, so their own final punctuation goes. */
const trimEnd = (item: string) => item.replace(/[\s.;,]+$/, '');
const withoutIf = (when: string) => when.replace(/^Nếu\s+/u, '');

export function untilNote(f: { until?: string | null }, day: string): string | null {
  return endsWithin(f, day, ENDS_SOON_DAYS) && f.until ? `áp dụng đến hết ngày ${viDate(f.until)}` : null;
}

interface Body {
  lines: string[];
  /** Options the body itself needs (e.g. the rest of a list it left out). */
  more: string[];
}

function documentBody(p: Procedure): Body {
  const papers = [
    ...p.documents.submit.map((t) => ({ t, submit: true })),
    ...p.documents.present.map((t) => ({ t, submit: false })),
  ];
  const shown: typeof papers = [];
  let used = 0;
  for (const x of papers) {
    if (shown.length === FIRST_PAPERS || (shown.length > 0 && used + x.t.length > PAPERS_BUDGET)) break;
    shown.push(x);
    used += x.t.length;
  }
  const lines = [`Dạ, hồ sơ ${midSentence(p.name)} cần:`];
  const submit = shown.filter((x) => x.submit).map((x) => plain(x.t));
  const present = shown.filter((x) => !x.submit).map((x) => plain(x.t));
  if (submit.length) lines.push('Giấy tờ nộp:', ...numbered(submit));
  if (present.length) lines.push('Mang theo để cán bộ xem rồi trả lại:', ...present.map((t) => `- ${t}`));
  const more: string[] = [];
  const hidden = papers.length - shown.length;
  if (hidden > 0) {
    lines.push(`Còn ${hidden} giấy tờ nữa, mời {ac} chọn "${OPTION.allDocuments}" để xem đủ.`);
    more.push(OPTION.allDocuments);
  }
  const [firstCase] = p.documents.conditional;
  if (firstCase) {
    lines.push(
      `Trường hợp riêng cần thêm giấy tờ, ví dụ ${withoutIf(firstCase.when)}: mời {ac} chọn "${OPTION.specialCases}".`,
    );
    more.push(OPTION.specialCases);
  }
  return { lines, more };
}

/** An unconfirmed amount is a reference figure ("mức tham khảo"), an unconfirmed exemption the current rule. */
function amount(i: FeeItem, note: string | null): string {
  if (isVerified(i)) return vnd(i.vnd);
  if (i.vnd === 0) return 'theo quy định hiện hành được miễn phí';
  return note && /tham khảo/u.test(note) ? vnd(i.vnd) : `mức tham khảo ${vnd(i.vnd)}`;
}

/** One fee line; in the first message (`short`) a long note waits for "Xem đủ lệ phí". */
function feeLine(i: FeeItem, day: string, short = true): string {
  const note = i.note && (!short || i.note.length <= SHORT_NOTE) ? plain(i.note) : null;
  const notes = [note, untilNote(i, day)].filter(Boolean);
  return `- ${plain(i.case)}: ${amount(i, note)}${notes.length ? `, ${notes.join('; ')}` : ''}.`;
}

/** The summary already says where the exact amount is (the province's list, a reference figure). */
const POINTS_TO_LIST = /tỉnh|niêm yết|tham khảo/u;

function freeCases(p: Procedure, items: readonly FeeItem[]): string[] {
  // A free case that repeats a fee line ("Khai sinh đúng hạn…: miễn phí") is not said twice.
  const said = new Set(items.map((i) => foldKey(i.case)));
  return p.fee.free_cases.filter((c) => !said.has(foldKey(c))).map((c) => trimEnd(plain(c)));
}

function feeBody(p: Procedure, day: string): Body {
  const lines = [`Dạ, về lệ phí ${midSentence(p.name)}: ${plain(p.fee.summary)}`];
  const items = p.fee.items.filter((i) => appliesOn(i, day));
  const shown: string[] = [];
  let used = 0;
  for (const i of items) {
    const line = feeLine(i, day);
    if (shown.length === FIRST_FEES || (shown.length > 0 && used + line.length > FEES_BUDGET)) break;
    shown.push(line);
    used += line.length;
  }
  lines.push(...shown);
  const free = freeCases(p, items);
  if (free.length) lines.push(`Được miễn: ${free.slice(0, FIRST_FREE_CASES).join('; ')}.`);
  const unsure = items.some((i) => !isVerified(i) || (i.note?.length ?? 0) > SHORT_NOTE);
  if (unsure && !POINTS_TO_LIST.test(p.fee.summary))
    lines.push('Mức cụ thể {ac} xem bảng niêm yết tại Trung tâm ạ.');
  const hidden =
    shown.length < items.length ||
    free.length > FIRST_FREE_CASES ||
    items.some((i) => (i.note?.length ?? 0) > SHORT_NOTE);
  return { lines, more: hidden ? [OPTION.allFees] : [] };
}

function whereBody(p: Procedure): Body {
  const lines = [
    `Dạ, {ac} có thể nộp hồ sơ ${midSentence(p.name)} như sau:`,
    `- Trực tiếp: ${plain(p.where.in_person)}`,
  ];
  if (p.where.online) lines.push(`- Trực tuyến: ${plain(p.where.online)}`);
  if (p.where.post) lines.push(`- Qua bưu chính: ${plain(p.where.post)}`);
  return { lines, more: [] };
}

function formBody(p: Procedure): Body {
  const note = p.form.note ? plain(p.form.note) : null;
  if (!p.form.name)
    return {
      lines: [`Dạ, thủ tục ${midSentence(p.name)} không có mẫu tờ khai riêng.${note ? ` ${note}` : ''}`],
      more: [],
    };
  return {
    lines: [`Dạ, mẫu dùng cho thủ tục này là: ${plain(p.form.name)}.`, ...(note ? [note] : [])],
    more: [],
  };
}

function generalBody(p: Procedure): Body {
  const lines = [`Dạ, về thủ tục ${midSentence(p.name)}: ${plain(p.summary)}`];
  if (p.eligibility.length)
    lines.push(
      'Điều kiện và lưu ý:',
      ...p.eligibility.slice(0, FIRST_ELIGIBILITY).map((e) => `- ${plain(e)}`),
    );
  return { lines, more: [OPTION.legalBasis] };
}

const BODY: Record<Aspect, (p: Procedure, day: string) => Body> = {
  documents: documentBody,
  fee: feeBody,
  time: (p) => ({ lines: [`Dạ, thời gian giải quyết ${midSentence(p.name)}: ${plain(p.time)}`], more: [] }),
  where: whereBody,
  form: formBody,
  general: generalBody,
};

/** The other aspects most asked about, in this order. */
const NEXT: readonly Aspect[] = ['documents', 'fee', 'time', 'where', 'form'];

/** Up to MAX_OPTIONS next steps: what the answer itself points to, other aspects, then a person. */
export function nextOptions(first: readonly string[], except: Aspect | null): string[] {
  const aspects = NEXT.filter((a) => a !== except).map((a) => ASPECT_OPTIONS[a]);
  const picked = [...new Set([...first, ...aspects])].slice(0, MAX_OPTIONS - 1);
  return [...picked, OPTION.human];
}

/** A police procedure's answer says where to go, after the fact asked for. */
export function redirectLine(p: Procedure): string[] {
  return p.authority === 'commune_police' && p.redirect ? [`Xin lưu ý: ${plain(p.redirect)}`] : [];
}

export function procedureAnswer(p: Procedure, aspect: Aspect, day: string): Draft {
  const body = BODY[aspect](p, day);
  return {
    tone: 'answer',
    lines: [...body.lines, ...redirectLine(p)],
    options: nextOptions(body.more, aspect),
  };
}

function allDocuments(p: Procedure): string[] {
  const lines = [`Dạ, đây là đủ giấy tờ của thủ tục ${midSentence(p.name)}:`];
  if (p.documents.submit.length) lines.push('Giấy tờ nộp:', ...numbered(p.documents.submit.map(plain)));
  if (p.documents.present.length)
    lines.push('Mang theo để cán bộ xem rồi trả lại:', ...p.documents.present.map((t) => `- ${plain(t)}`));
  if (p.documents.conditional.length)
    lines.push(`Các trường hợp cần thêm giấy tờ: mời {ac} chọn "${OPTION.specialCases}".`);
  return lines;
}

function allFees(p: Procedure, day: string): string[] {
  const items = p.fee.items.filter((i) => appliesOn(i, day));
  const free = freeCases(p, items);
  return [
    `Dạ, lệ phí ${midSentence(p.name)}: ${plain(p.fee.summary)}`,
    ...items.map((i) => feeLine(i, day, false)),
    ...(free.length ? ['Được miễn:', ...free.map((c) => `- ${c}`)] : []),
    'Mức cụ thể {ac} xem bảng niêm yết tại Trung tâm hoặc trang thủ tục trên Cổng Dịch vụ công quốc gia ạ.',
  ];
}

function specialCases(p: Procedure): string[] {
  if (!p.documents.conditional.length)
    return [`Dạ, thủ tục ${midSentence(p.name)} không có trường hợp nào cần thêm giấy tờ ngoài hồ sơ chung.`];
  return [
    `Dạ, với thủ tục ${midSentence(p.name)}, ngoài hồ sơ chung thì:`,
    ...p.documents.conditional.map(
      (c) => `- ${plain(c.when)}: ${c.items.map((i) => trimEnd(plain(i))).join('; ')}.`,
    ),
  ];
}

function legalBasis(p: Procedure): string[] {
  return [`Dạ, căn cứ pháp lý của thủ tục ${midSentence(p.name)}:`, ...p.legal_basis.map((l) => `- ${l}`)];
}

const VIEW: Record<View, (p: Procedure, day: string) => string[]> = {
  all_documents: allDocuments,
  all_fees: allFees,
  special_cases: specialCases,
  legal_basis: legalBasis,
};
const VIEW_OPTIONS: Record<View, string[]> = {
  all_documents: [OPTION.specialCases],
  all_fees: [],
  special_cases: [OPTION.allDocuments],
  legal_basis: [],
};

/** The rest of a procedure a citizen asked to see with an option. */
export function procedureView(p: Procedure, view: View, day: string): Draft {
  const except = view === 'legal_basis' ? null : view === 'all_fees' ? 'fee' : 'documents';
  return { tone: 'answer', lines: VIEW[view](p, day), options: nextOptions(VIEW_OPTIONS[view], except) };
}
