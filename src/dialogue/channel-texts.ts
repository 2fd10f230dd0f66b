// Citizen-facing texts of the channels and the pipeline (Vietnamese, polite "3 biết" style:
// thưa gửi, xin lỗi, cảm ơn — and always say what to do next). In the dialogue layer, with the other
// citizen texts: the pipeline and the webhooks sit above it and read them from here.
import type { Reply } from '../core/message';

/** The phrase a citizen types to reach a person; the assistant routes it to staff. */
export const ASK_HUMAN_PHRASE = 'gặp cán bộ';

/** A citizen sent an image, sticker, voice message, file, location… — the bot reads text only. */
export const TEXT_ONLY_REPLY: Reply = {
  text:
    'Dạ, em xin lỗi anh/chị, hiện em chỉ đọc được tin nhắn bằng chữ nên chưa xem được hình ảnh, ' +
    'nhãn dán, tin nhắn thoại, tệp hoặc vị trí anh/chị vừa gửi. Anh/chị vui lòng gõ câu hỏi bằng chữ, ' +
    'ví dụ: "làm giấy khai sinh cần gì". Nếu cần trao đổi với người thật, anh/chị gõ "gặp cán bộ" ' +
    'hoặc gọi đường dây nóng của Bộ phận Một cửa xã. Em cảm ơn anh/chị ạ.',
  options: [ASK_HUMAN_PHRASE],
};

/** The assistant failed on this message (a bug or an outage): apologise and offer a person. */
export const TECHNICAL_PROBLEM_REPLY: Reply = {
  text:
    'Dạ, em xin lỗi anh/chị, hệ thống đang gặp trục trặc nên em chưa trả lời được câu hỏi này. ' +
    'Anh/chị vui lòng gửi lại sau ít phút, hoặc gõ "gặp cán bộ" hay gọi đường dây nóng của ' +
    'Bộ phận Một cửa xã để được hỗ trợ ngay. Em cảm ơn anh/chị ạ.',
  options: [ASK_HUMAN_PHRASE],
};

/** Web chat: the citizen sends faster than the rate limit allows. */
export const TOO_FAST_TEXT =
  'Dạ, em xin lỗi anh/chị, tin nhắn đến hơi nhanh nên em chưa kịp trả lời. ' +
  'Anh/chị vui lòng chờ một lát rồi gửi lại giúp em ạ. Em cảm ơn anh/chị.';

/** Web chat: an empty or over-long message. */
export const BAD_MESSAGE_TEXT =
  'Dạ, em xin lỗi anh/chị, em chưa nhận được nội dung câu hỏi (hoặc câu hỏi dài quá 1.000 ký tự). ' +
  'Anh/chị vui lòng gõ ngắn gọn điều cần hỏi, ví dụ: "làm giấy khai sinh cần gì" ạ.';
