// Answers about the centre itself and the conversation: office info, greetings, thanks, goodbye.
import type { Aspect } from '../../core/labels';
import type { Commune } from '../../kb/schema';
import type { Draft } from '../draft';
import { OPTION } from '../options';

const MAIN_OPTIONS = [OPTION.procedures, OPTION.lookup, OPTION.hours, OPTION.human];

export function officeInfo(c: Commune): Draft {
  const lines = [
    `Dạ, thông tin ${c.centre_name}:`,
    `- Giờ làm việc: ${c.office_hours_text}`,
    `- Địa chỉ: ${c.address}`,
    `- Đường dây nóng: ${c.hotline}`,
  ];
  if (c.map_url) lines.push(`- Bản đồ: ${c.map_url}`);
  if (c.holidays_note) lines.push(`- ${c.holidays_note}`);
  return { tone: 'answer', lines, options: [OPTION.procedures, OPTION.lookup, OPTION.human] };
}

export function greetingReply(alreadyGreeted: boolean): Draft {
  const lines = alreadyGreeted ? ['Dạ, em chào {ac} ạ!'] : [];
  lines.push(
    'Em có thể giúp {ac} tìm hiểu giấy tờ, lệ phí, thời gian, nơi nộp của các thủ tục hành chính tại xã, hoặc tra cứu hồ sơ theo mã số. {Ac} cần hỏi gì ạ?',
  );
  return { tone: 'question', lines, options: MAIN_OPTIONS };
}

export function thanksReply(): Draft {
  return {
    tone: 'closing',
    lines: ['Dạ, em cảm ơn {ac} nhiều ạ! Nếu cần hỏi thêm, {ac} cứ nhắn cho em bất cứ lúc nào ạ.'],
    options: MAIN_OPTIONS,
  };
}

export function goodbyeReply(c: Commune): Draft {
  return {
    tone: 'closing',
    lines: [
      `Dạ, em cảm ơn {ac} đã liên hệ ${c.centre_name}. Chúc {ac} một ngày tốt lành! Khi cần, {ac} cứ nhắn lại cho em ạ.`,
    ],
    options: MAIN_OPTIONS,
  };
}

/** The list of procedures the bot knows, for "Các thủ tục" and after an out-of-scope question. */
export function procedureMenu(names: readonly string[]): Draft {
  return {
    tone: 'question',
    lines: [
      'Dạ, em có thể hướng dẫn các thủ tục sau:',
      ...names.map((n) => `- ${n}`),
      '{Ac} muốn hỏi thủ tục nào ạ?',
    ],
    options: [OPTION.lookup, OPTION.hours, OPTION.human],
  };
}

/** "Cho em hỏi" with nothing after it: invite the question. */
export function inviteQuestion(): Draft {
  return {
    tone: 'question',
    lines: [
      'Dạ, {ac} cứ hỏi ạ. Em có thể giúp về giấy tờ, lệ phí, thời gian, nơi nộp của các thủ tục tại xã, hoặc tra cứu hồ sơ theo mã số.',
    ],
    options: MAIN_OPTIONS,
  };
}

/** What each aspect is called in a question back to the citizen. */
const ASKED: Record<Aspect, string> = {
  documents: 'giấy tờ cần chuẩn bị',
  fee: 'lệ phí',
  time: 'thời gian giải quyết',
  where: 'nơi nộp hồ sơ',
  form: 'mẫu tờ khai',
  general: 'cách làm',
};

/** An aspect asked about with no procedure yet: which procedure, with the most asked ones to tap. */
export function askProcedureFor(aspect: Aspect, common: readonly string[]): Draft {
  return {
    tone: 'question',
    lines: [
      `Dạ, {ac} muốn hỏi ${ASKED[aspect]} của thủ tục nào ạ? {Ac} chọn bên dưới hoặc nhắn tên thủ tục giúp em (ví dụ: "đăng ký khai sinh").`,
    ],
    options: [...common, OPTION.procedures],
  };
}
