// A dossier (hồ sơ) as the store keeps it, with its status history.
import { z } from 'zod';
import { date, list, str, text } from './fields';

export const DOSSIER_STATUSES = [
  'received', // mới tiếp nhận
  'processing', // đang xử lý
  'needs_supplement', // chờ bổ sung
  'suspended', // tạm dừng
  'rejected', // từ chối
  'result_ready', // đã có kết quả
  'returned', // đã trả kết quả
] as const;
export const dossierStatus = z.enum(DOSSIER_STATUSES);
export type DossierStatus = z.infer<typeof dossierStatus>;

/** Normalised receipt code. */
export const dossierCode = str(64);

export const statusChangeSchema = z.object({ status: dossierStatus, at: date, note: text.nullable() });
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const dossierSchema = z.object({
  code: dossierCode,
  procedureId: str(),
  applicantName: str(), // kept, never shown in full
  phone: str(32).nullable(),
  receivedAt: date,
  dueAt: date,
  status: dossierStatus,
  reason: text.nullable(), // reason for suspended / rejected, or the supplement requested
  note: text.nullable(), // note for the citizen
  history: list(statusChangeSchema),
  updatedAt: date,
});
export type Dossier = z.infer<typeof dossierSchema>;
