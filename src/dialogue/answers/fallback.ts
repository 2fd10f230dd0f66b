// Apologies with a way forward: out of scope, not understood, "did you mean", "which one".
import type { Commune } from '../../kb/schema';
import type { Draft } from '../draft';
import { midSentence } from '../format';
import { OPTION } from '../options';

export function outOfScope(c: Commune): Draft {
  return {
    tone: 'apology',
    lines: [
      'Dạ, em xin lỗi {ac}, nội dung này nằm ngoài phạm vi Trung tâm phục vụ hành chính công xã nên em chưa hỗ trợ được ạ.',
      `Em có thể giúp {ac} về thủ tục hành chính tại xã (hộ tịch, chứng thực, đất đai, trợ cấp...), tra cứu hồ sơ, hoặc giờ làm việc. Cần gặp cán bộ, {ac} gọi đường dây nóng ${c.hotline} ạ.`,
    ],
    options: [OPTION.procedures, OPTION.lookup, OPTION.human],
  };
}

export function notUnderstood(c: Commune, repeated: boolean): Draft {
  const lines = [
    'Dạ, em xin lỗi {ac}, em chưa hiểu rõ câu hỏi ạ. {Ac} có thể nói rõ tên thủ tục và điều cần hỏi (ví dụ: "lệ phí đăng ký khai sinh") giúp em không ạ?',
  ];
  if (repeated)
    lines.push(`Nếu cần, em chuyển {ac} gặp cán bộ, hoặc {ac} gọi đường dây nóng ${c.hotline} ạ.`);
  return { tone: 'apology', lines, options: [OPTION.procedures, OPTION.lookup, OPTION.human] };
}

/** Unsure between procedures: offer each by name. */
export function whichProcedure(names: readonly string[]): Draft {
  return {
    tone: 'question',
    lines: [
      'Dạ, em xin lỗi, em chưa chắc {ac} hỏi về thủ tục nào ạ. {Ac} vui lòng chọn giúp em:',
      ...names.map((n, i) => `${i + 1}. ${n}`),
    ],
    options: [...names, OPTION.human],
  };
}

export function didYouMean(name: string): Draft {
  return {
    tone: 'question',
    lines: [
      `Dạ, em xin lỗi nếu em hiểu chưa đúng: có phải {ac} muốn hỏi về thủ tục ${midSentence(name)} không ạ? Nếu đúng, {ac} chọn tên thủ tục bên dưới; nếu không, {ac} nhắn rõ hơn giúp em ạ.`,
    ],
    options: [name, OPTION.procedures, OPTION.human],
  };
}

export function systemTrouble(c: Commune): Draft {
  return {
    tone: 'apology',
    lines: [
      `Dạ, em xin lỗi {ac}, hệ thống đang gặp sự cố nên em chưa trả lời được ngay. {Ac} vui lòng thử lại sau ít phút hoặc gọi đường dây nóng ${c.hotline} ạ.`,
    ],
    options: [OPTION.human],
  };
}
