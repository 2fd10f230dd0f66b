// Quick-reply options the bot offers. A tap sends the label back as text, so each label maps to
// one action deterministically (no classifier guess needed).
import type { Aspect } from '../core/labels';
import { foldKey } from '../nlu/fold';

export const OPTION = {
  documents: 'Giấy tờ cần mang',
  fee: 'Lệ phí',
  time: 'Thời gian',
  where: 'Nơi nộp',
  form: 'Mẫu tờ khai',
  general: 'Cách làm',
  lookup: 'Tra cứu hồ sơ',
  hours: 'Giờ làm việc',
  human: 'Gặp cán bộ',
  notify: 'Báo khi có kết quả',
  procedures: 'Các thủ tục',
  allDocuments: 'Xem đủ giấy tờ',
  allFees: 'Xem đủ lệ phí',
  specialCases: 'Trường hợp đặc biệt',
  legalBasis: 'Căn cứ pháp lý',
} as const;

/** What more of a procedure a citizen can ask to see after a phone-sized first answer. */
export type View = 'all_documents' | 'all_fees' | 'special_cases' | 'legal_basis';

export type OptionAction =
  | { kind: 'aspect'; aspect: Aspect }
  | { kind: 'lookup' }
  | { kind: 'hours' }
  | { kind: 'human' }
  | { kind: 'notify' }
  | { kind: 'procedures' }
  | { kind: 'view'; view: View };

const ACTIONS = new Map<string, OptionAction>([
  [foldKey(OPTION.documents), { kind: 'aspect', aspect: 'documents' }],
  [foldKey(OPTION.fee), { kind: 'aspect', aspect: 'fee' }],
  [foldKey(OPTION.time), { kind: 'aspect', aspect: 'time' }],
  [foldKey(OPTION.where), { kind: 'aspect', aspect: 'where' }],
  [foldKey(OPTION.form), { kind: 'aspect', aspect: 'form' }],
  [foldKey(OPTION.general), { kind: 'aspect', aspect: 'general' }],
  [foldKey(OPTION.lookup), { kind: 'lookup' }],
  [foldKey(OPTION.hours), { kind: 'hours' }],
  [foldKey(OPTION.human), { kind: 'human' }],
  [foldKey(OPTION.notify), { kind: 'notify' }],
  [foldKey(OPTION.procedures), { kind: 'procedures' }],
  [foldKey(OPTION.allDocuments), { kind: 'view', view: 'all_documents' }],
  [foldKey(OPTION.allFees), { kind: 'view', view: 'all_fees' }],
  [foldKey(OPTION.specialCases), { kind: 'view', view: 'special_cases' }],
  [foldKey(OPTION.legalBasis), { kind: 'view', view: 'legal_basis' }],
]);

/** The action of a tapped option, or null when the text is not exactly an option label. */
export function optionAction(text: string): OptionAction | null {
  return ACTIONS.get(foldKey(text)) ?? null;
}

export const ASPECT_OPTIONS: Record<Aspect, string> = {
  documents: OPTION.documents,
  fee: OPTION.fee,
  time: OPTION.time,
  where: OPTION.where,
  form: OPTION.form,
  general: OPTION.general,
};
