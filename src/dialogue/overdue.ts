import type { Dossier, DossierStatus } from '../store/ports';
import { vnDayNumber } from '../core/vn-time';

// The agency's clock runs only while it holds the dossier: time waiting for the citizen's supplement or
// for a fee is not counted (procedures-khac.md §A), and a finished dossier cannot be late.
const CLOCK_RUNNING: ReadonlySet<DossierStatus> = new Set(['received', 'processing']);

/**
 * "Quá hạn" is derived, never stored: the agency still holds the dossier after its appointment day
 * (the whole appointment day counts, on the Vietnamese calendar).
 */
export function isOverdue(d: Pick<Dossier, 'status' | 'dueAt'>, now: Date): boolean {
  return CLOCK_RUNNING.has(d.status) && vnDayNumber(now) > vnDayNumber(d.dueAt);
}

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

/** The same rule as a store filter: isOverdue(d, now) holds exactly for the dossiers it matches. */
export function overdueFilter(now: Date): { statuses: DossierStatus[]; dueBefore: Date } {
  return {
    statuses: [...CLOCK_RUNNING],
    dueBefore: new Date(vnDayNumber(now) * DAY_MS - VN_OFFSET_MS),
  };
}
