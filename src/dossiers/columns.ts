// Columns are found by header name, compared without case, diacritics or punctuation, so "Mã hồ sơ",
// "MA HO SO" and "Mã hồ sơ:" all match. Every field has a few names seen in provincial exports; a
// deployment can add its own (the mapping is configurable).
import { foldKey } from '../nlu/fold';
import { cellText, type Cell } from './sheet';

export const DOSSIER_FIELDS = [
  'code',
  'procedure',
  'applicant',
  'phone',
  'receivedAt',
  'dueAt',
  'status',
  'note',
  'reason',
] as const;
export type DossierField = (typeof DOSSIER_FIELDS)[number];

export type ColumnNames = Record<DossierField, readonly string[]>;

export const DEFAULT_COLUMNS: ColumnNames = {
  code: ['Mã hồ sơ', 'Số hồ sơ', 'Mã biên nhận', 'Số biên nhận'],
  procedure: ['Thủ tục', 'Tên thủ tục', 'Thủ tục hành chính'],
  applicant: ['Người nộp', 'Tên người nộp', 'Chủ hồ sơ'],
  phone: ['Số điện thoại', 'Điện thoại', 'SĐT'],
  receivedAt: ['Ngày tiếp nhận', 'Ngày nhận'],
  dueAt: ['Ngày hẹn trả', 'Ngày hẹn trả kết quả', 'Hạn trả kết quả'],
  status: ['Trạng thái', 'Tình trạng'],
  note: ['Ghi chú'],
  reason: ['Lý do'],
};

const REQUIRED: readonly DossierField[] = ['code', 'procedure', 'applicant', 'receivedAt', 'dueAt', 'status'];

/** Extra or replacement names per field, e.g. { code: ['Số phiếu'] } (added to the defaults). */
export type ColumnOverrides = Partial<Record<DossierField, string | readonly string[]>>;

export function columnNames(overrides: ColumnOverrides = {}): ColumnNames {
  const names = { ...DEFAULT_COLUMNS };
  for (const field of DOSSIER_FIELDS) {
    const extra = overrides[field];
    if (extra !== undefined)
      names[field] = [...(typeof extra === 'string' ? [extra] : extra), ...DEFAULT_COLUMNS[field]];
  }
  return names;
}

/** Where each field sits in a header row: column index, or undefined for an absent optional field. */
export type ColumnIndex = Partial<Record<DossierField, number>>;

export type HeaderMatch = { ok: true; columns: ColumnIndex } | { ok: false; missing: DossierField[] };

export function matchHeader(header: Cell[], names: ColumnNames): HeaderMatch {
  const keys = header.map((h) => foldKey(cellText(h)));
  const columns: ColumnIndex = {};
  for (const field of DOSSIER_FIELDS) {
    const wanted = new Set(names[field].map(foldKey));
    const at = keys.findIndex((k) => wanted.has(k));
    if (at >= 0) columns[field] = at;
  }
  const missing = REQUIRED.filter((f) => columns[f] === undefined);
  return missing.length ? { ok: false, missing } : { ok: true, columns };
}
