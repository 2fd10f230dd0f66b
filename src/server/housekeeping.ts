// Background duties of a server that are not the pipeline: at start-up, trace dossier imports a killed
// process left unfinished; every day, delete personal data past its retention.
import type { Logger } from 'pino';
import { recoverImports } from '../dossiers/import-recovery';
import { notifyStatusChange, type NotifyDeps } from '../dossiers/notify';
import { startDailyPurge, type DailyPurge } from '../retention/purge';
import type { Stores } from '../store/ports';
import type { Config } from '../services/config';

export async function startHousekeeping(d: {
  stores: Stores;
  config: Config;
  logger: Logger;
  notify: () => NotifyDeps;
}): Promise<DailyPurge> {
  const now = new Date();
  const notify = async (dossier: Parameters<typeof notifyStatusChange>[1]) =>
    (await notifyStatusChange(d.notify(), dossier, null, new Date())).notified;
  for (const job of await recoverImports({ ...d.stores, notify }, now)) {
    d.logger.warn(
      { job: job.id, file: job.file, done: job.counts.done, total: job.counts.total },
      'an interrupted dossier import was traced; import the file again to finish it',
    );
  }
  return startDailyPurge(d.stores, d.config.retention, (o) => {
    if ('error' in o)
      d.logger.error(
        { err: o.error instanceof Error ? o.error.message : String(o.error) },
        'personal data purge failed; retried tomorrow',
      );
    else d.logger.info({ purged: o.counts }, 'personal data past its retention deleted');
  });
}
