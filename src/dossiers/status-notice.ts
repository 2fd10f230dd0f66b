// What people are told when a dossier changes status: a short chat message for subscribed citizens
// (greet-free: it is news in a running conversation, polite and thankful all the same) and the parameters
// of the ZNS template for the applicant's phone.
import { maskNumbers } from '../core/mask-numbers';
import type { Reply } from '../core/message';
import { addressOf, finish } from '../dialogue/finish';
import { vnDate } from '../dialogue/format';
import { OPTION } from '../dialogue/options';
import type { Dossier } from '../store/ports';
import { STATUS_TEXT } from '../dialogue/status-text';

// finish() needs the centre's name only to greet, which a notice never does.
const CITIZEN = { address: addressOf(null), centreName: '' };

export function statusNotice(d: Dossier): Reply[] {
  const st = STATUS_TEXT[d.status];
  const lines = [
    `Dạ, em xin thông báo hồ sơ ${d.code} đã chuyển sang trạng thái "${st.label}". ${st.meaning}`,
  ];
  if (d.reason) lines.push(`Lý do: ${maskNumbers(d.reason)}`);
  lines.push('Em cảm ơn {ac} ạ.');
  return finish({ tone: 'closing', lines, options: [OPTION.lookup, OPTION.human] }, CITIZEN, false);
}

/**
 * The parameters our ZNS template is registered with (README "Storage"): the receipt code, the status as
 * the citizen reads it, and the appointment day.
 */
export function znsTemplateData(d: Dossier): Record<string, string> {
  return { ma_ho_so: d.code, trang_thai: STATUS_TEXT[d.status].label, ngay_hen_tra: vnDate(d.dueAt) };
}
