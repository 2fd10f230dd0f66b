// Hand-off to a person and complaints: apologise sincerely, say who follows up and when.
import { isOpen, nextOpening } from '../../kb/office-hours';
import type { Commune } from '../../kb/schema';
import type { Draft } from '../draft';
import { OPTION } from '../options';

export function handoff(c: Commune, now: Date): Draft {
  if (isOpen(c, now)) {
    return {
      tone: 'closing',
      lines: [
        'Dạ, em đã chuyển cuộc trò chuyện cho cán bộ của Trung tâm. Cán bộ sẽ trả lời {ac} ngay tại đây trong ít phút ạ.',
        `Nếu cần gấp, {ac} gọi đường dây nóng ${c.hotline} ạ. Em cảm ơn {ac} đã kiên nhẫn chờ!`,
      ],
      options: [OPTION.hours],
    };
  }
  const next = nextOpening(c, now);
  return {
    tone: 'closing',
    lines: [
      // The hours text may carry its own brackets: no brackets around it.
      `Dạ, em xin lỗi {ac}, hiện đã ngoài giờ làm việc. Giờ làm việc của Trung tâm: ${c.office_hours_text}.`,
      `Em đã ghi nhận yêu cầu gặp cán bộ; cán bộ sẽ trả lời {ac} tại đây${next ? ` từ ${next}` : ' vào giờ làm việc kế tiếp'} ạ. Trong lúc chờ, {ac} vẫn có thể hỏi em về thủ tục. Em cảm ơn {ac}!`,
    ],
    options: [OPTION.procedures, OPTION.lookup],
  };
}

/** Too many requests for a person from this conversation or address: the hotline instead of the queue. */
export function handoffLimited(c: Commune): Draft {
  return {
    tone: 'apology',
    lines: [
      `Dạ, em xin lỗi {ac}, em đã nhận nhiều yêu cầu gặp cán bộ từ {ac} trong thời gian ngắn nên chưa thể chuyển thêm ạ. {Ac} vui lòng gọi đường dây nóng ${c.hotline} để được cán bộ hỗ trợ trực tiếp, hoặc hỏi em về thủ tục ngay tại đây ạ. Em cảm ơn {ac}!`,
    ],
    options: [OPTION.procedures, OPTION.lookup],
  };
}

export function complaintReceived(c: Commune, ticket: string | null): Draft {
  return {
    tone: 'closing',
    lines: [
      'Dạ, em thành thật xin lỗi {ac} vì sự việc chưa hài lòng này ạ.',
      `Em đã ghi nhận phản ánh${ticket ? ` (số ${ticket})` : ''} và chuyển tới lãnh đạo ${c.centre_name}; cán bộ phụ trách sẽ liên hệ lại với {ac} trong giờ làm việc.`,
      `Nếu cần trao đổi ngay, {ac} gọi đường dây nóng ${c.hotline}. Em cảm ơn {ac} đã góp ý để Trung tâm phục vụ tốt hơn ạ!`,
    ],
    options: [OPTION.human, OPTION.procedures],
  };
}
