// `dossiers import <file.csv|file.xlsx> [--dry-run]`: a provincial one-stop export into the configured
// store (MongoDB when MONGODB_URI is set, else SQLite), through the dossier service the console uses too.
// The report goes to stdout; a file rejected as a whole is one line on stderr and exit 1. Subscribers of
// dossiers whose status changed are told (the running server's outbox sender delivers), and applicants
// by phone where a channel offers it (ZNS). Progress goes to stderr after every batch; an import a killed run left
// behind is traced first.
import fs from 'node:fs';
import { firstLine } from '../../core/first-line';
import type { ImportReport } from '../../dossiers/import';
import { DossierImportError } from '../../dossiers/import-error';
import type { Notices } from '../../dossiers/service';
import { info } from '../io';
import { cliServices, withServices } from '../services';

const USAGE = 'usage: motcua dossiers import <file.csv|file.xlsx> [--dry-run]';

function parseArgs(args: string[]): { file: string; dryRun: boolean } | null {
  const files = args.filter((a) => !a.startsWith('--'));
  const flags = args.filter((a) => a.startsWith('--'));
  const [file] = files;
  if (file === undefined || files.length !== 1 || flags.some((f) => f !== '--dry-run')) return null;
  return { file, dryRun: flags.includes('--dry-run') };
}

function printReport(report: ImportReport, tally: Notices | null, zns: boolean): void {
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
  const services = cliServices();
  try {
    services.knowledge();
  } catch (err) {
    // Procedure names in the export are resolved against the knowledge base: it has to load.
    info(`dossiers import: ${firstLine(err)} (run "motcua kb validate")`);
    return 1;
  }
  return withServices(services, async (s) => {
    const dossiers = await s.dossiers();
    try {
      const { report, notices, recovered } = await dossiers.importFile(buffer, parsed.file, {
        dryRun: parsed.dryRun,
        actor: 'cli',
        now: new Date(),
        recoverFirst: !parsed.dryRun,
        onProgress: (job) => info(`dossiers import: ${job.counts.done}/${job.counts.total} rows written`),
      });
      for (const job of recovered) {
        info(
          `dossiers import: an earlier import of ${job.file} was cut short after ${job.counts.done} of ${job.counts.total} rows; import it again to finish`,
        );
      }
      printReport(report, report.dryRun ? null : notices, dossiers.reachesPhones());
      return 0;
    } catch (err) {
      if (!(err instanceof DossierImportError)) throw err;
      info(`dossiers import: ${err.message}`);
      return 1;
    }
  });
}
