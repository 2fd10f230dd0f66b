import type { Commune } from '../../kb/schema';
import type { Draft } from '../draft';
import { OPTION } from '../options';

/** Image, sticker, voice, file or location: the bot reads text only. */
export function nonTextReply(c: Commune): Draft {
  return {
    tone: 'apology',
    lines: [
      'Dạ, em xin lỗi {ac}, hiện em chỉ đọc được tin nhắn bằng chữ nên chưa xem được nội dung {ac} vừa gửi ạ.',
      `{Ac} vui lòng gõ câu hỏi bằng chữ (ví dụ: "làm giấy khai sinh cần gì"), hoặc chọn "${OPTION.human}" / gọi ${c.hotline} để gặp cán bộ ạ.`,
    ],
    options: [OPTION.procedures, OPTION.lookup, OPTION.human],
  };
}
