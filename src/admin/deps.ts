// What the staff console needs from the rest of the service.
import type { Logger } from 'pino';
import type { Assistant } from '../assistant';
import type { DossierService } from '../dossiers/service';
import type { KnowledgeSync } from '../kb/sync';
import type { Outbox } from '../services/outbox';
import type { Stores } from '../store/ports';
import type { AdminConfig } from './config';

export interface AdminDeps {
  stores: Stores;
  assistant: Assistant;
  clock: () => Date;
  config: AdminConfig;
  /** Keeps the knowledge base and the staff's training examples current on this instance. */
  sync: KnowledgeSync;
  logger: Logger;
  /** Status changes and imports: the write, the audit record and the notices, as the CLI does them. */
  dossiers: DossierService;
  /** Staff replies are queued here (written, and the sender woken). */
  outbox: Outbox;
}
