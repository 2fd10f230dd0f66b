// A small training set written for the NLU tests: quick to train, with every kind of label.
import type { Example, TrainingData } from '../../src/nlu/training-data';

const procedure = (procedure: string, aspect: Example['aspect'], texts: string[]): Example[] =>
  texts.map((text) => ({
    text,
    intent: 'procedure',
    procedure,
    aspect,
    source: `procedures/${procedure}.yaml`,
  }));
const intent = (i: Example['intent'], texts: string[]): Example[] =>
  texts.map((text) => ({ text, intent: i, procedure: null, aspect: null, source: `intents/${i}.yaml` }));

export const SMALL: TrainingData = {
  lexicon: { abbreviations: { ko: 'không', gks: 'giấy khai sinh' } },
  aspectCues: { fee: ['lệ phí', 'bao nhiêu tiền'], time: ['bao lâu'], documents: ['giấy tờ gì', 'cần mang'] },
  examples: [
    ...procedure('khai-sinh', 'documents', [
      'làm khai sinh cho con cần giấy tờ gì',
      'khai sinh cho bé cần mang những gì',
      'đăng ký khai sinh cần giấy tờ gì ạ',
    ]),
    ...procedure('khai-sinh', 'fee', [
      'khai sinh cho con lệ phí bao nhiêu',
      'làm giấy khai sinh mất bao nhiêu tiền',
      'lệ phí đăng ký khai sinh',
    ]),
    ...procedure('khai-sinh', 'time', ['làm khai sinh bao lâu thì có', 'đăng ký khai sinh mất bao lâu']),
    ...procedure('ket-hon', 'documents', [
      'đăng ký kết hôn cần giấy tờ gì',
      'kết hôn cần mang những gì',
      'hai đứa đi đăng ký kết hôn cần giấy tờ gì',
    ]),
    ...procedure('ket-hon', 'fee', [
      'đăng ký kết hôn lệ phí bao nhiêu',
      'kết hôn có mất tiền không',
      'lệ phí kết hôn bao nhiêu tiền',
    ]),
    ...procedure('ket-hon', 'time', ['đăng ký kết hôn bao lâu thì xong', 'kết hôn mất bao lâu']),
    ...intent('greeting', ['xin chào', 'chào bạn', 'chào trung tâm ạ', 'alo có ai không']),
    ...intent('thanks', ['cảm ơn nhiều', 'cảm ơn bạn nhé', 'xin cảm ơn ạ']),
    ...intent('out_of_scope', [
      'hôm nay thời tiết thế nào',
      'giá vàng hôm nay',
      'kể chuyện cười đi',
      'đội nào vô địch bóng đá',
    ]),
    ...[
      'làm hộ chiếu ở đâu',
      'cấp hộ chiếu phổ thông cần gì',
      'hộ chiếu hết hạn làm lại thế nào',
      'xin cấp hộ chiếu mất bao lâu',
    ].map((text): Example => ({
      text,
      intent: 'out_of_scope',
      procedure: null,
      aspect: null,
      redirect: 'ho-chieu',
      source: 'elsewhere/ho-chieu.yaml',
    })),
  ],
};
