// Quick-reply options the bot offers. A tap sends the label back as text, so each label maps to
// one action deterministically (no classifier guess needed).
import type { Aspect } from '../core/labels';
import { fold } from '../nlu/fold';

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
} as const;

export type OptionAction =
  | { kind: 'aspect'; aspect: Aspect }
  | { kind: 'lookup' }
  | { kind: 'hours' }
  | { kind: 'human' }
  | { kind: 'notify' }
  | { kind: 'procedures' };

const key = (s: string) => fold(s).replace(/[^a-z0-9]+/g, ' ').trim();

const ACTIONS = new Map<string, OptionAction>([
  [key(OPTION.documents), { kind: 'aspect', aspect: 'documents' }],
  [key(OPTION.fee), { kind: 'aspect', aspect: 'fee' }],
  [key(OPTION.time), { kind: 'aspect', aspect: 'time' }],
  [key(OPTION.where), { kind: 'aspect', aspect: 'where' }],
  [key(OPTION.form), { kind: 'aspect', aspect: 'form' }],
  [key(OPTION.general), { kind: 'aspect', aspect: 'general' }],
  [key(OPTION.lookup), { kind: 'lookup' }],
  [key(OPTION.hours), { kind: 'hours' }],
  [key(OPTION.human), { kind: 'human' }],
  [key(OPTION.notify), { kind: 'notify' }],
  [key(OPTION.procedures), { kind: 'procedures' }],
]);

/** The action of a tapped option, or null when the text is not exactly an option label. */
export function optionAction(text: string): OptionAction | null {
  return ACTIONS.get(key(text)) ?? null;
}

/** Normalised comparison key, also used to match procedure names offered as options. */
export const optionKey = key;

export const ASPECT_OPTIONS: Record<Aspect, string> = {
  documents: OPTION.documents,
  fee: OPTION.fee,
  time: OPTION.time,
  where: OPTION.where,
  form: OPTION.form,
  general: OPTION.general,
};
