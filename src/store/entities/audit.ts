// One entry of the staff audit log.
import { z } from 'zod';
import { date, json, storeId, str } from './fields';

export const auditEntrySchema = z.object({
  id: storeId,
  at: date,
  actor: str(), // staff username, or "cli"
  action: str(), // e.g. "knowledge.publish", "dossier.status", "staff.create"
  target: str(1_000), // what was changed, e.g. a procedure id or dossier code
  before: json(), // JSON-serialisable snapshots (null when there is none)
  after: json(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
