import type { DossierStatus } from './ports';

// Statuses whose note explains what the citizen must do or why the dossier stopped (procedures §A).
const CARRIES_REASON: ReadonlySet<DossierStatus> = new Set(['needs_supplement', 'suspended', 'rejected']);

export function carriesReason(status: DossierStatus): boolean {
  return CARRIES_REASON.has(status);
}

/** The `reason` a dossier keeps after a status change with this note. */
export function reasonFor(status: DossierStatus, note: string | null): string | null {
  return carriesReason(status) ? note : null;
}
