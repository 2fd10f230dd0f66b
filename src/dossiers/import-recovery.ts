// After a crash: an import job still "running" but not updated for a while belonged to a dead process.
// It is marked interrupted and audited with the counts it reached, and the subscribers of the batch it
// was writing are told (telling is idempotent: a citizen already told is not told twice). Re-importing
// the same file then finishes the work: unchanged rows are skipped.
import type { AuditStore, Dossier, DossierStore, ImportJob, ImportJobStore } from '../store/ports';

export interface RecoveryDeps {
  imports: ImportJobStore;
  audit: AuditStore;
  dossiers: DossierStore;
  notify: (dossier: Dossier) => Promise<number>;
}

/** A running job is presumed dead when it has not recorded progress for this long. */
export const IMPORT_STALE_MS = 10 * 60_000;

export async function recoverImports(
  d: RecoveryDeps,
  now: Date,
  staleMs = IMPORT_STALE_MS,
): Promise<ImportJob[]> {
  const jobs = await d.imports.interruptStale(new Date(now.getTime() - staleMs), now);
  for (const job of jobs) {
    let notified = 0;
    for (const dossier of await d.dossiers.getMany(job.inFlight)) notified += await d.notify(dossier);
    await d.audit.append({
      at: now,
      actor: job.actor,
      action: 'dossier.import.interrupted',
      target: job.file,
      before: null,
      after: { job: job.id, ...job.counts, inFlight: job.inFlight.length, notifiedAfterRecovery: notified },
    });
  }
  return jobs;
}
