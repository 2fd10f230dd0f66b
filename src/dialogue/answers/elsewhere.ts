// A procedure the bot does not guide (knowledge/elsewhere/): who handles it, where and how to apply, then
// the way back to the menu or to a person, so the citizen never hits a dead end or a look-alike's paperwork.
import type { ElsewhereEntry } from '../../kb/elsewhere-schema';
import type { Draft } from '../draft';
import { midSentence } from '../format';
import { OPTION } from '../options';

export function elsewhereAnswer(e: ElsewhereEntry): Draft {
  const what = midSentence(e.name);
  const lines = [
    e.handled_by === 'commune'
      ? `Dạ, thủ tục ${what} xã có giải quyết, nhưng em xin lỗi {ac}, em chưa có hướng dẫn chi tiết; cán bộ một cửa sẽ hướng dẫn {ac} ạ.`
      : `Dạ, em xin lỗi {ac}, thủ tục ${what} không do UBND xã giải quyết ạ.`,
    `Nơi giải quyết: ${e.authority}. ${e.where}`,
    ...e.how.map((h) => `- ${h}`),
  ];
  if (e.note) lines.push(e.note);
  return { tone: 'apology', lines, options: [OPTION.procedures, OPTION.human, OPTION.hours] };
}
