// Dossier status answers: found, not found, malformed code, rate limited, subscriptions.
import { maskName } from '../../core/mask-name';
import { maskNumbers } from '../../core/mask-numbers';
import type { Commune } from '../../kb/schema';
import type { Dossier } from '../../store/ports';
import type { Draft } from '../draft';
import { vnDate } from '../format';
import { OPTION } from '../options';
import { STATUS_TEXT } from '../status-text';

export const CODE_EXAMPLE = '000.00.15.H12-251118-0007';

export function askCode(): Draft {
  return {
    tone: 'question',
    lines: [
      `Dạ, {ac} vui lòng nhắn cho em mã hồ sơ in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả (dạng ${CODE_EXAMPLE}) để em tra cứu ạ.`,
    ],
    options: [OPTION.human],
  };
}

export function badCode(raw: string | null): Draft {
  return {
    tone: 'apology',
    lines: [
      `Dạ, em xin lỗi {ac}, mã${raw ? ` "${raw}"` : ''} chưa đúng dạng mã hồ sơ ạ.`,
      `Mã hồ sơ gồm mã cơ quan, ngày tiếp nhận và số thứ tự, ví dụ: ${CODE_EXAMPLE} (3 số . 2 số . 2 số . chữ H hoặc G kèm 2 số - 6 số ngày - 4 số thứ tự). {Ac} vui lòng kiểm tra lại trên giấy hẹn và nhắn lại giúp em ạ.`,
    ],
    options: [OPTION.lookup, OPTION.human],
  };
}

export function codeNotFound(code: string, c: Commune): Draft {
  return {
    tone: 'apology',
    lines: [
      `Dạ, em xin lỗi {ac}, em chưa tìm thấy hồ sơ mã ${code} ạ.`,
      `{Ac} vui lòng kiểm tra lại mã trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả; hồ sơ vừa nộp có thể chưa cập nhật. Cần hỗ trợ ngay, {ac} gọi đường dây nóng ${c.hotline} ạ.`,
    ],
    options: [OPTION.lookup, OPTION.human],
  };
}

export function tooManyLookups(c: Commune): Draft {
  return {
    tone: 'apology',
    lines: [
      `Dạ, em xin lỗi {ac}, {ac} đã tra cứu nhiều mã trong thời gian ngắn nên em tạm dừng tra cứu ít phút để bảo vệ thông tin hồ sơ của người dân ạ. {Ac} vui lòng thử lại sau, hoặc gọi ${c.hotline} ạ.`,
    ],
    options: [OPTION.human],
  };
}

export function lookupUnavailable(c: Commune): Draft {
  return {
    tone: 'apology',
    lines: [
      `Dạ, em xin lỗi {ac}, hệ thống tra cứu hồ sơ đang tạm gián đoạn. {Ac} vui lòng thử lại sau ít phút hoặc gọi ${c.hotline} ạ.`,
    ],
    options: [OPTION.lookup, OPTION.human],
  };
}

/**
 * A receipt code of another commune of the province, asked in this commune's chat: the answer (found or not)
 * is that commune's, and says so first.
 */
export function ofAnotherCommune(code: string, home: Commune, here: Commune, answer: Draft): Draft {
  return {
    ...answer,
    lines: [
      `Mã ${code} là mã hồ sơ của ${home.centre_name}, không phải của ${here.commune_name}, nên em tra cứu giúp {ac} tại ${home.commune_name} ạ.`,
      ...answer.lines,
    ],
  };
}

/** `overdue`: the dossiers' rule says so (the answer only words it). */
export function dossierStatus(d: Dossier, procedureName: string | null, overdue: boolean, c: Commune): Draft {
  const st = STATUS_TEXT[d.status];
  const lines = [
    `Dạ, em đã tìm thấy hồ sơ. Thông tin hồ sơ ${d.code}:`,
    `- Thủ tục: ${procedureName ?? d.procedureId}`,
    `- Người nộp: ${maskName(d.applicantName)}`,
    `- Trạng thái: ${st.label}. ${st.meaning}`,
    `- Ngày tiếp nhận: ${vnDate(d.receivedAt, c.timezone)}`,
    `- Ngày hẹn trả kết quả: ${vnDate(d.dueAt, c.timezone)}`,
  ];
  if (d.reason) lines.push(`- Lý do: ${maskNumbers(d.reason)}`);
  if (d.note) lines.push(`- Ghi chú: ${maskNumbers(d.note)}`);
  if (d.status === 'result_ready') {
    lines.push(
      `Mời {ac} đến ${c.centre_name} nhận kết quả trong giờ làm việc: ${c.office_hours_text}. Khi đến, {ac} mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả cùng giấy tờ tùy thân (thẻ căn cước/CCCD) của người nộp; nhận thay thì cần văn bản ủy quyền ạ.`,
    );
  }
  if (overdue) {
    lines.push(
      `Em thành thật xin lỗi {ac} vì hồ sơ đã quá ngày hẹn. Trung tâm sẽ có văn bản xin lỗi và hẹn lại ngày trả; {ac} có thể gọi ${c.hotline} để được cán bộ kiểm tra ngay ạ.`,
    );
  }
  const done = d.status === 'returned' || d.status === 'result_ready';
  return {
    tone: 'answer',
    lines,
    options: done ? [OPTION.lookup, OPTION.human] : [OPTION.notify, OPTION.lookup, OPTION.human],
  };
}

export function subscribed(code: string): Draft {
  return {
    tone: 'closing',
    lines: [
      `Dạ, em đã ghi nhận. Khi hồ sơ ${code} thay đổi trạng thái, em sẽ nhắn báo {ac} tại đây ạ. Em cảm ơn {ac}!`,
    ],
    options: [OPTION.lookup, OPTION.procedures],
  };
}

export function notifyWithoutCode(): Draft {
  return {
    tone: 'question',
    lines: ['Dạ, để em báo khi có kết quả, {ac} vui lòng nhắn mã hồ sơ trước giúp em ạ.'],
    options: [OPTION.human],
  };
}
