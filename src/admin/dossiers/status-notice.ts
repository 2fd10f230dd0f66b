// The message a subscribed citizen receives when staff change a dossier's status (3 biết: polite,
// says what it means and what to do next, thanks).
import type { Reply } from '../../core/message';
import { addressOf, finish } from '../../dialogue/finish';
import { OPTION } from '../../dialogue/options';
import { STATUS_TEXT } from '../../dossiers/status-text';
import type { Commune } from '../../kb/schema';
import type { Dossier } from '../../store/ports';

export function statusNotice(d: Dossier, procedureName: string | null, c: Commune): Reply[] {
  const st = STATUS_TEXT[d.status];
  const lines = [`Dạ, ${c.centre_name} xin báo {ac}: hồ sơ ${d.code}${procedureName ? ` (${procedureName})` : ''} đã chuyển sang trạng thái "${st.label}". ${st.meaning}`];
  if (d.reason) lines.push(`Lý do: ${d.reason}`);
  if (d.status === 'result_ready') {
    lines.push(`Mời {ac} đến nhận kết quả trong giờ làm việc (${c.office_hours_text}), mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả cùng giấy tờ tùy thân ạ.`);
  }
  lines.push('Em cảm ơn {ac} đã theo dõi hồ sơ ạ!');
  return finish({ tone: 'closing', lines, options: [OPTION.lookup, OPTION.human] }, { address: addressOf(null), centreName: c.centre_name }, false);
}
