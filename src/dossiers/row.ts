// One data row → the facts an export states about a dossier, or the reason the row is refused (in
// Vietnamese: staff read it in the console's import preview).
import { isValidCode, normalizeCode } from '../nlu/receipt-code';
import { carriesReason } from '../store/dossier-reason';
import type { DossierStatus } from '../store/ports';
import type { ColumnIndex, ColumnNames, DossierField } from './columns';
import { normalizePhone } from './phone';
import { cellText, type Cell } from './sheet';
import { parseStatusWord } from './status-words';
import { parseVnDate } from './vn-date';

/** Maps what the Thủ tục column says (an id or a Vietnamese name) to a procedure id. */
export type ProcedureResolver = (nameOrId: string) => string | null;

export interface DossierRow {
  code: string;
  procedureId: string;
  applicantName: string;
  phone: string | null;
  receivedAt: Date;
  dueAt: Date;
  status: DossierStatus;
  reason: string | null;
  note: string | null;
}

export type RowResult = { ok: true; value: DossierRow } | { ok: false; reason: string };

const MAX_NAME = 200;
const MAX_NOTE = 2_000;

export function parseRow(
  cells: Cell[],
  columns: ColumnIndex,
  names: ColumnNames,
  resolve: ProcedureResolver,
): RowResult {
  const cell = (f: DossierField): Cell => (columns[f] === undefined ? null : (cells[columns[f]] ?? null));
  const text = (f: DossierField) => cellText(cell(f));
  const label = (f: DossierField) => `"${names[f][0] ?? f}"`;
  const refuse = (reason: string): RowResult => ({ ok: false, reason });

  const rawCode = text('code');
  if (!rawCode) return refuse(`${label('code')} đang trống`);
  const code = normalizeCode(rawCode);
  if (!isValidCode(code))
    return refuse(`${label('code')} "${rawCode}" không phải mã hồ sơ (dạng 000.00.15.H12-251118-0007)`);

  const procedureText = text('procedure');
  if (!procedureText) return refuse(`${label('procedure')} đang trống`);
  const procedureId = resolve(procedureText);
  if (!procedureId)
    return refuse(`${label('procedure')} "${procedureText}" không khớp mã hay tên thủ tục nào`);

  const applicantName = text('applicant').replace(/\s+/g, ' ');
  if (!applicantName) return refuse(`${label('applicant')} đang trống`);
  if (applicantName.length > MAX_NAME) return refuse(`${label('applicant')} dài quá ${MAX_NAME} ký tự`);

  let phone: string | null = null;
  if (text('phone')) {
    phone = normalizePhone(cell('phone'));
    if (!phone) return refuse(`${label('phone')} "${text('phone')}" không phải số điện thoại Việt Nam`);
  }

  const receivedAt = parseVnDate(cell('receivedAt'));
  if (!receivedAt)
    return refuse(`${label('receivedAt')} "${text('receivedAt')}" không phải ngày (dd/mm/yyyy)`);
  const dueAt = parseVnDate(cell('dueAt'));
  if (!dueAt) return refuse(`${label('dueAt')} "${text('dueAt')}" không phải ngày (dd/mm/yyyy)`);
  if (dueAt < receivedAt) return refuse(`${label('dueAt')} trước ${label('receivedAt')}`);

  const status = parseStatusWord(text('status'));
  if (!status) return refuse(`${label('status')} "${text('status')}" không phải trạng thái đã biết`);

  const noteText = text('note') || null;
  const reasonText = text('reason') || null;
  if ((noteText?.length ?? 0) > MAX_NOTE || (reasonText?.length ?? 0) > MAX_NOTE) {
    return refuse(`${label('note')} hoặc ${label('reason')} dài quá ${MAX_NOTE} ký tự`);
  }
  // Exports often put the reason for a stop in the note column; show it once, as the reason.
  const noteIsReason = reasonText === null && carriesReason(status);
  return {
    ok: true,
    value: {
      code,
      procedureId,
      applicantName,
      phone,
      receivedAt,
      dueAt,
      status,
      reason: carriesReason(status) ? (reasonText ?? noteText) : null,
      note: noteIsReason ? null : noteText,
    },
  };
}
