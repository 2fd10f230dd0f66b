// The services root as the CLI commands use it: the typed configuration (KNOWLEDGE_DIR, INTENTS_DIR,
// SQLITE_PATH, MONGODB_URI...), operator-facing logs on stderr (stdout carries the commands' output).
import { CHANNELS } from '../../webhooks/channels';
import { loadConfig } from '../services/config';
import { createLogger } from '../config/logger';
import { buildServices, type Services, type ServicesOptions } from '../services/build';
import type { StoreMode } from '../services/stores';

export function cliServices(o: Omit<ServicesOptions, 'logger'> = {}): Services {
  return buildServices(loadConfig(process.env, CHANNELS), {
    ...o,
    logger: createLogger('warn', process.stderr),
  });
}

/**
 * `--store live` makes a conversation command work on the configured store; by default it talks on a
 * scratch store, so trying the bot leaves no hand-offs, inbox items or dashboard figures for the staff.
 */
export function storeFlag(args: string[]): { mode: StoreMode } | { problem: string } {
  const i = args.indexOf('--store');
  if (i < 0) return { mode: 'scratch' };
  const v = args[i + 1];
  return v === 'live' || v === 'scratch' ? { mode: v } : { problem: '--store must be live or scratch' };
}

/** Runs `work` on the services, closing them afterwards. */
export async function withServices<T>(services: Services, work: (s: Services) => Promise<T>): Promise<T> {
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}
