// What staff (console) and operators (CLI) do to dossiers, each as one write + one audit record + telling
// the subscribers (and the applicant by ZNS), so that both front ends record and notify the same way.
import type { KnowledgeBase } from '../kb/knowledge-base';
import type { Dossier, DossierStatus, ImportJob, Stores } from '../store/ports';
import { importDossiers, type ImportReport } from './import';
import { recoverImports } from './import-recovery';
import { notifyStatusChange, type NotifyDeps, type NotifyResult } from './notify';
import { procedureResolver } from './procedure-resolver';
import type { SheetLimits } from './sheet-limits';

export interface DossierServiceDeps {
  stores: Pick<Stores, 'dossiers' | 'audit' | 'imports'>;
  /** The knowledge the bot answers from (procedure names in an export are resolved against it). */
  knowledge: () => KnowledgeBase;
  /** Resolved at use: the server builds it with the pipeline. */
  notifier: () => NotifyDeps;
  limits: SheetLimits;
}

/** What telling people about the changes of one action came to. */
export interface Notices {
  /** Subscribers whose notice is in the outbox. */
  notified: number;
  /** Subscribers told after their next message. */
  waiting: number;
  znsSent: number;
  /** "code: error" per ZNS message that was not accepted. */
  znsFailed: string[];
}

/** What telling people about one status change came to. */
export interface StatusNotices {
  notified: number;
  waiting: number;
  phone: NotifyResult['phone']['outcome'];
}

export interface ImportFileOptions {
  /** Preview: check every row and report what would change, without writing. */
  dryRun: boolean;
  /** Staff username, or "cli". */
  actor: string;
  now: Date;
  /** Trace imports a killed process left running first (audited; their batch in flight told). */
  recoverFirst?: boolean;
  onProgress?: (job: ImportJob) => void;
  /** Why a row's receipt code may not be imported by this caller (another commune's), or null. */
  refuseCode?: (code: string) => string | null;
}

export interface DossierService {
  /** Null when the store has no such dossier. */
  changeStatus(
    code: string,
    status: DossierStatus,
    note: string | null,
    actor: string,
    now: Date,
  ): Promise<{ dossier: Dossier; notices: StatusNotices } | null>;
  /** Throws DossierImportError when the file is refused as a whole. */
  importFile(
    buffer: Buffer,
    filename: string,
    o: ImportFileOptions,
  ): Promise<{ report: ImportReport; notices: Notices; recovered: ImportJob[] }>;
  /** Whether applicants' phones are told too (a channel offers it and it is configured). */
  reachesPhones(): boolean;
}

const noNotices = (): Notices => ({ notified: 0, waiting: 0, znsSent: 0, znsFailed: [] });

export function dossierService(d: DossierServiceDeps): DossierService {
  const tell = async (notices: Notices, dossier: Dossier, from: DossierStatus | null, now: Date) => {
    const r = await notifyStatusChange(d.notifier(), dossier, from, now);
    notices.notified += r.notified;
    notices.waiting += r.waiting;
    if (r.phone.outcome === 'sent') notices.znsSent += 1;
    if (r.phone.outcome === 'failed') notices.znsFailed.push(`${dossier.code}: ${r.phone.error}`);
    return r.notified;
  };

  return {
    reachesPhones: () => d.notifier().phone !== null,
    async changeStatus(code, status, note, actor, now) {
      const before = await d.stores.dossiers.get(code);
      if (!before) return null;
      const after = await d.stores.dossiers.setStatus(code, status, note, now);
      if (!after) return null;
      await d.stores.audit.append({
        at: now,
        actor,
        action: 'dossier.status',
        target: code,
        before: { status: before.status, reason: before.reason },
        after: { status: after.status, reason: after.reason, note },
      });
      const { notified, waiting, phone } = await notifyStatusChange(d.notifier(), after, before.status, now);
      return { dossier: after, notices: { notified, waiting, phone: phone.outcome } };
    },

    async importFile(buffer, filename, o) {
      const notices = noNotices();
      const recovered = o.recoverFirst
        ? await recoverImports(
            { ...d.stores, notify: (dossier) => tell(notices, dossier, null, o.now) },
            o.now,
          )
        : [];
      const report = await importDossiers(buffer, filename, {
        dossiers: d.stores.dossiers,
        resolveProcedure: procedureResolver(d.knowledge()),
        dryRun: o.dryRun,
        now: o.now,
        limits: d.limits,
        refuseCode: o.refuseCode,
        job: {
          imports: d.stores.imports,
          audit: d.stores.audit,
          actor: o.actor,
          notify: (dossier, from) => tell(notices, dossier, from, o.now),
          onProgress: o.onProgress,
        },
      });
      return { report, notices, recovered };
    },
  };
}
