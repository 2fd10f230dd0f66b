// What the staff console needs from the rest of the service.
import type { Logger } from 'pino';
import type { Assistant } from '../assistant';
import type { NotifyDeps } from '../dossiers/notify';
import type { Stores } from '../store/ports';
import type { AdminConfig } from './config';
import type { KnowledgeSync } from './knowledge/sync';

export interface AdminDeps {
  stores: Stores;
  assistant: Assistant;
  clock: () => Date;
  config: AdminConfig;
  /** Keeps the knowledge base and the staff's training examples current on this instance. */
  sync: KnowledgeSync;
  logger: Logger;
  /** Who is told about a dossier's new status; resolved at use, since the server builds it with the pipeline. */
  notifier: () => NotifyDeps;
}
