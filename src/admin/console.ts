// Composition of the staff console for one process, on the services root: the knowledge brought up to
// date (published edits and the staff's training examples) before the first citizen is answered and kept
// so, then the router.
import type { Router } from 'express';
import type { Services } from '../services/build';
import type { AdminConfig } from './config';
import { adminRouter } from './router';

export async function staffConsoleRouter(config: AdminConfig, services: Services): Promise<Router> {
  return adminRouter({
    stores: await services.stores(),
    assistant: await services.assistant(),
    clock: services.clock,
    config,
    sync: await services.knowledgeSync(),
    logger: services.logger,
    dossiers: await services.dossiers(),
    outbox: await services.outbox(),
  });
}
