// Composition of the staff console for one process: bring the knowledge up to date (published edits and
// the staff's training examples) before the first citizen is answered, keep polling, build the router.
import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Assistant } from '../assistant';
import { formatProblem } from '../core/problem';
import type { NotifyDeps } from '../dossiers/notify';
import type { Stores } from '../store/ports';
import type { AdminConfig } from './config';
import { KnowledgeSync } from './knowledge/sync';
import { adminRouter } from './router';

export interface StaffConsole {
  router: Router;
  sync: KnowledgeSync;
  stop(): void;
}

export async function startStaffConsole(o: {
  config: AdminConfig;
  stores: Stores;
  assistant: Assistant;
  logger: Logger;
  notifier: () => NotifyDeps;
  clock?: () => Date;
}): Promise<StaffConsole> {
  const clock = o.clock ?? (() => new Date());
  const sync = new KnowledgeSync({
    store: o.stores.knowledge,
    assistant: o.assistant,
    knowledgeDir: o.config.knowledgeDir,
    pollMs: o.config.knowledgePollMs,
    clock,
    onProblems: (problems) => {
      for (const p of problems)
        o.logger.warn(
          { problem: formatProblem(p) },
          'knowledge problem (the last good version stays in use)',
        );
    },
    onError: (err) =>
      o.logger.error(
        { err: err instanceof Error ? err.message : String(err) },
        'knowledge sync failed; will retry',
      ),
  });
  await sync.refresh();
  sync.start();
  const router = adminRouter({
    stores: o.stores,
    assistant: o.assistant,
    clock,
    config: o.config,
    sync,
    logger: o.logger,
    notifier: o.notifier,
  });
  return { router, sync, stop: () => sync.stop() };
}
