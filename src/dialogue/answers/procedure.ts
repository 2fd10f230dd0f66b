// Answers about one procedure and one aspect, from the knowledge base.
import type { Aspect } from '../../core/labels';
import type { Procedure } from '../../kb/schema';
import type { Draft } from '../draft';
import { midSentence, numbered, vnd } from '../format';
import { ASPECT_OPTIONS, OPTION } from '../options';

/** Items are joined into one line, so their own final punctuation goes. */
const trimEnd = (item: string) => item.replace(/[\s.;,]+$/, '');

function documentLines(p: Procedure): string[] {
  const lines = [`Dạ, hồ sơ ${midSentence(p.name)} gồm:`];
  let n = 1;
  if (p.documents.submit.length) {
    lines.push('Giấy tờ nộp:');
    lines.push(...numbered(p.documents.submit, n));
    n += p.documents.submit.length;
  }
  if (p.documents.present.length) {
    lines.push('Giấy tờ mang theo để xuất trình (cán bộ xem rồi trả lại):');
    lines.push(...numbered(p.documents.present, n));
    n += p.documents.present.length;
  }
  if (p.documents.conditional.length) {
    lines.push('Trường hợp riêng:');
    for (const c of p.documents.conditional) lines.push(`${n++}. ${c.when}: ${c.items.map(trimEnd).join('; ')}.`);
  }
  return lines;
}

function feeLines(p: Procedure): string[] {
  const lines = [`Dạ, về lệ phí ${midSentence(p.name)}: ${p.fee.summary}`];
  lines.push(...numbered(p.fee.items.map((i) => `${i.case}: ${vnd(i.vnd)}${i.note ? ` (${i.note})` : ''}.`)));
  if (p.fee.free_cases.length) {
    lines.push('Được miễn:');
    lines.push(...p.fee.free_cases.map((c) => `- ${c}`));
  }
  return lines;
}

function whereLines(p: Procedure): string[] {
  const lines = [`Dạ, {ac} có thể nộp hồ sơ ${midSentence(p.name)} như sau:`, `1. Trực tiếp: ${p.where.in_person}`];
  if (p.where.online) lines.push(`${lines.length}. Trực tuyến: ${p.where.online}`);
  if (p.where.post) lines.push(`${lines.length}. Qua bưu chính: ${p.where.post}`);
  return lines;
}

function formLines(p: Procedure): string[] {
  if (!p.form.name) {
    return [`Dạ, thủ tục ${midSentence(p.name)} không có mẫu tờ khai riêng.${p.form.note ? ` ${p.form.note}` : ''}`];
  }
  return [`Dạ, mẫu dùng cho thủ tục này là: ${p.form.name}.`, ...(p.form.note ? [p.form.note] : [])];
}

function generalLines(p: Procedure): string[] {
  const lines = [`Dạ, về thủ tục ${midSentence(p.name)}: ${p.summary}`];
  if (p.eligibility.length) {
    lines.push('Điều kiện và lưu ý:');
    lines.push(...p.eligibility.slice(0, 5).map((e) => `- ${e}`));
  }
  return lines;
}

const BODY: Record<Aspect, (p: Procedure) => string[]> = {
  documents: documentLines,
  fee: feeLines,
  time: (p) => [`Dạ, thời gian giải quyết ${midSentence(p.name)}: ${p.time}`],
  where: whereLines,
  form: formLines,
  general: generalLines,
};

/** Next-step options: the other aspects most asked about, then a person. */
function nextOptions(aspect: Aspect): string[] {
  const order: Aspect[] = ['documents', 'fee', 'time', 'where', 'form'];
  return [...order.filter((a) => a !== aspect).slice(0, 3).map((a) => ASPECT_OPTIONS[a]), OPTION.human];
}

export function procedureAnswer(p: Procedure, aspect: Aspect): Draft {
  const lines: string[] = [];
  if (p.authority === 'commune_police' && p.redirect) lines.push(`Dạ, xin lưu ý: ${p.redirect}`);
  lines.push(...BODY[aspect](p));
  return { tone: 'answer', lines, options: nextOptions(aspect) };
}
