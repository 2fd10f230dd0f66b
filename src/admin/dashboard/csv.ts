// One dashboard table as CSV for staff's spreadsheets: Vietnamese column names and values, days as
// dd/mm/yyyy, UTF-8 with a BOM so that Excel shows Vietnamese correctly.
import type { ChannelName } from '../../core/message';
import type { Aspect } from '../../core/labels';
import type { Figures } from './figures';

export const TABLES = ['messages', 'outcomes', 'procedures', 'aspects', 'handoffs', 'lookups'] as const;
export type Table = (typeof TABLES)[number];

type Cell = string | number | null;

/** Each table's columns in order: the figure's key and its heading. */
const COLUMNS: Record<Table, ReadonlyArray<readonly [string, string]>> = {
  messages: [
    ['day', 'Ngày'],
    ['channel', 'Kênh'],
    ['count', 'Số tin nhắn'],
  ],
  outcomes: [
    ['day', 'Ngày'],
    ['answered', 'Trả lời được'],
    ['notUnderstood', 'Chưa hiểu'],
  ],
  procedures: [
    ['procedure', 'Mã thủ tục'],
    ['name', 'Tên thủ tục'],
    ['count', 'Lượt hỏi'],
  ],
  aspects: [
    ['aspect', 'Nội dung được hỏi'],
    ['count', 'Lượt hỏi'],
  ],
  handoffs: [
    ['day', 'Ngày'],
    ['opened', 'Yêu cầu gặp cán bộ'],
    ['taken', 'Đã nhận'],
    ['averageWaitMinutes', 'Chờ trung bình (phút)'],
  ],
  lookups: [
    ['day', 'Ngày'],
    ['count', 'Lượt tra cứu hồ sơ'],
  ],
};

const CHANNEL: Partial<Record<ChannelName, string>> = {
  zalo: 'Zalo',
  messenger: 'Messenger',
  web: 'Web',
  cli: 'Dòng lệnh',
  botkit: 'Botkit',
};
const ASPECT: Record<Aspect, string> = {
  documents: 'Giấy tờ',
  fee: 'Lệ phí',
  time: 'Thời gian',
  where: 'Nơi nộp',
  form: 'Mẫu tờ khai',
  general: 'Cách làm',
};

/** A value as staff read it: "2025-11-18" → "18/11/2025", codes of channels and aspects by name. */
function shown(key: string, v: Cell | undefined): Cell | undefined {
  if (typeof v !== 'string') return v;
  if (key === 'day') return v.split('-').reverse().join('/');
  if (key === 'channel') return CHANNEL[v] ?? v;
  if (key === 'aspect') return ASPECT[v as Aspect] ?? v;
  return v;
}

function cell(v: Cell | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote anything with a separator, and defuse spreadsheet formulas.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function tableCsv(f: Figures, table: Table): string {
  const rows: ReadonlyArray<Record<string, Cell>> = f[table];
  const columns = COLUMNS[table];
  const lines = [
    columns.map(([, heading]) => heading),
    ...rows.map((r) => columns.map(([key]) => shown(key, r[key]))),
  ].map((r) => r.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
