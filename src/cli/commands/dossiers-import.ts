// `dossiers import <file.csv|file.xlsx> [--dry-run]`: a provincial one-stop export into the configured
// store (MongoDB when MONGODB_URI is set, else SQLite). The report goes to stdout; a file rejected as a
// whole is one line on stderr and exit 1. Subscribers of dossiers whose status changed are told (the
// running server's outbox sender delivers), and applicants' phones when a channel is set up for it (ZNS). Progress goes
// to stderr after every batch; an import a killed run left behind is traced first (recoverImports).
import fs from 'node:fs';
import { importDossiers, type ImportReport } from '../../dossiers/import';
import { DossierImportError } from '../../dossiers/import-error';
import { notifyStatusChange, type NotifyDeps } from '../../dossiers/notify';
import { procedureResolver } from '../../dossiers/procedure-resolver';
import { loadKnowledge } from '../../kb/load';
import { loadConfig, type Config } from '../../server/config';
import { createLogger } from '../../server/logger';
import { channelsOn, dossierNotifier } from '../../server/notifier';
import { openConfiguredStores } from '../../server/stores';
import { recoverImports } from '../../dossiers/import-recovery';
import type { Dossier, DossierStatus, Stores } from '../../store/ports';
import { info } from '../io';
import { KNOWLEDGE_DIR } from '../paths';

const USAGE = 'usage: motcua dossiers import <file.csv|file.xlsx> [--dry-run]';
const HTTP_TIMEOUT_MS = 10_000;
const TOKEN_REFRESH_BEFORE_MS = 3 * 3_600_000;

interface Tally {
  notified: number;
  waiting: number;
  znsSent: number;
  znsFailed: string[];
}

function parseArgs(args: string[]): { file: string; dryRun: boolean } | null {
  const files = args.filter((a) => !a.startsWith('--'));
  const flags = args.filter((a) => a.startsWith('--'));
  const [file, ...more] = files;
  if (file === undefined || more.length > 0 || flags.some((f) => f !== '--dry-run')) return null;
  return { file, dryRun: flags.includes('--dry-run') };
}

function notifierFor(config: Config, stores: Stores): NotifyDeps {
  // Operator-facing logs (token refreshes for ZNS) go to stderr, keeping stdout for the report.
  const logger = createLogger('warn', process.stderr);
  const deps = {
    tokens: stores.tokens,
    logger,
    timeoutMs: HTTP_TIMEOUT_MS,
    refreshBeforeMs: TOKEN_REFRESH_BEFORE_MS,
  };
  const links = config.channels.map((ch) => ch.connect(deps));
  return dossierNotifier({ channelsOn: channelsOn(config), links, stores });
}

/** Tells a dossier's subscribers (and its applicant by ZNS), adding up the outcomes. */
function teller(notifier: NotifyDeps, tally: Tally, now: Date) {
  return async (dossier: Dossier, from: DossierStatus | null): Promise<number> => {
    const r = await notifyStatusChange(notifier, dossier, from, now);
    tally.notified += r.notified;
    tally.waiting += r.waiting;
    if (r.phone.outcome === 'sent') tally.znsSent += 1;
    if (r.phone.outcome === 'failed') tally.znsFailed.push(`${dossier.code}: ${r.phone.error}`);
    return r.notified;
  };
}

function printReport(report: ImportReport, tally: Tally | null, zns: boolean): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const { file, accepted, created, updated, unchanged, rejected } = report;
  out(
    `${file}: ${accepted} accepted (${created} created, ${updated} updated, ${unchanged} unchanged), ${rejected.length} rejected`,
  );
  for (const r of rejected) out(`  row ${r.row}: ${r.reason}`);
  if (report.dryRun) {
    out('dry run: nothing was written');
    return;
  }
  if (!tally) return;
  out(
    `notifications: ${tally.notified} queued for subscribed citizens, ${tally.waiting} waiting for the citizen's next message`,
  );
  if (zns) out(`ZNS: ${tally.znsSent} sent, ${tally.znsFailed.length} failed`);
  for (const f of tally.znsFailed) out(`  ZNS failed for ${f}`);
}

export async function dossiersImportCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed) {
    info(USAGE);
    return 2;
  }
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(parsed.file);
  } catch (err) {
    info(
      `dossiers import: cannot read ${parsed.file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
    return 1;
  }
  const { kb, problems } = loadKnowledge(KNOWLEDGE_DIR);
  if (!kb) {
    info(`dossiers import: the knowledge base has ${problems.length} problem(s); run "motcua kb validate"`);
    return 1;
  }
  const config = loadConfig(process.env);
  const stores = await openConfiguredStores(config.store);
  try {
    const now = new Date();
    const tally: Tally = { notified: 0, waiting: 0, znsSent: 0, znsFailed: [] };
    const notifier = notifierFor(config, stores);
    const tell = teller(notifier, tally, now);
    let report: ImportReport;
    try {
      if (!parsed.dryRun) {
        for (const job of await recoverImports({ ...stores, notify: (d) => tell(d, null) }, now)) {
          info(
            `dossiers import: an earlier import of ${job.file} was cut short after ${job.counts.done} of ${job.counts.total} rows; import it again to finish`,
          );
        }
      }
      report = await importDossiers(buffer, parsed.file, {
        dossiers: stores.dossiers,
        resolveProcedure: procedureResolver(kb),
        dryRun: parsed.dryRun,
        now,
        limits: config.sheetLimits,
        job: {
          imports: stores.imports,
          audit: stores.audit,
          actor: 'cli',
          notify: tell,
          onProgress: (job) => info(`dossiers import: ${job.counts.done}/${job.counts.total} rows written`),
        },
      });
    } catch (err) {
      if (!(err instanceof DossierImportError)) throw err;
      info(`dossiers import: ${err.message}`);
      return 1;
    }
    printReport(report, report.dryRun ? null : tally, notifier.phone !== null);
    return 0;
  } finally {
    await stores.close();
  }
}
