import type { Dossier } from '../store/ports';

const OPEN = new Set(['received', 'processing', 'needs_supplement', 'suspended']);

/** "Quá hạn" is derived, not stored: past the appointment date and the result not ready yet. */
export function isOverdue(d: Pick<Dossier, 'status' | 'dueAt'>, now: Date): boolean {
  return OPEN.has(d.status) && now.getTime() > d.dueAt.getTime();
}
