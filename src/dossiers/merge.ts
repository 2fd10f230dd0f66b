// What importing one row does to the stored dossier. Re-importing the same export changes nothing
// (idempotent); a new status is appended to the history, never rewriting what happened before.
import type { Dossier, DossierStatus, StatusChange } from '../store/ports';
import type { DossierRow } from './row';

export type MergeResult =
  { action: 'unchanged' } | { action: 'create' | 'update'; dossier: Dossier; from: DossierStatus | null };

const sameTime = (a: Date, b: Date) => a.getTime() === b.getTime();

function sameFacts(d: Dossier, r: DossierRow): boolean {
  return (
    d.procedureId === r.procedureId &&
    d.applicantName === r.applicantName &&
    d.phone === r.phone &&
    sameTime(d.receivedAt, r.receivedAt) &&
    sameTime(d.dueAt, r.dueAt) &&
    d.status === r.status &&
    d.reason === r.reason &&
    d.note === r.note
  );
}

export function mergeRow(existing: Dossier | null, r: DossierRow, now: Date): MergeResult {
  if (existing && sameFacts(existing, r)) return { action: 'unchanged' };
  const facts = { ...r, updatedAt: now };
  if (!existing) {
    // Every dossier was received on its receipt date; a later status is what the export says today.
    const history: StatusChange[] = [{ status: 'received', at: r.receivedAt, note: null }];
    if (r.status !== 'received') history.push({ status: r.status, at: now, note: r.reason });
    return { action: 'create', dossier: { ...facts, history }, from: null };
  }
  const history =
    existing.status === r.status
      ? existing.history
      : [...existing.history, { status: r.status, at: now, note: r.reason }];
  return { action: 'update', dossier: { ...facts, history }, from: existing.status };
}
