// Graceful shutdown on SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish,
// let the worker and the sender finish what they hold (nothing half-sent), then close the store — all
// within a bound, whatever the channel APIs do: what is still unfinished then stays claimed by this
// (dead) process and the next start takes it back at once, checking the conversation before resending.
import type { Server } from 'node:http';
import type { Logger } from 'pino';

export interface ShutdownParts {
  server: Server;
  logger: Logger;
  /** Marks /readyz as not ready at once. */
  markShuttingDown(): void;
  /** Finishes background work. */
  stopWork(): Promise<void>;
  closeStores(): Promise<void>;
  timeoutMs: number;
}

export function closeServer(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Runs the shutdown once; resolves with the exit code (0 = clean, 1 = timed out or failed). */
export async function shutdown(p: ShutdownParts, signal: string): Promise<number> {
  p.logger.info({ signal }, 'shutting down: no new connections; finishing work in flight');
  p.markShuttingDown();
  let timedOut = false;
  const timer = new Promise<void>((resolve) => {
    const t = setTimeout(() => {
      timedOut = true;
      resolve();
    }, p.timeoutMs);
    t.unref();
  });
  const work = (async () => {
    await closeServer(p.server, Math.max(100, p.timeoutMs - 1_000));
    await p.stopWork();
    await p.closeStores();
  })();
  try {
    await Promise.race([work, timer]);
  } catch (err) {
    p.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'error during shutdown');
    return 1;
  }
  if (timedOut) {
    p.logger.error(
      { timeoutMs: p.timeoutMs },
      'shutdown timed out; unfinished work will be recovered at the next start',
    );
    return 1;
  }
  p.logger.info('shutdown complete');
  return 0;
}

/** Margin after the shutdown's own timeout before the process is ended regardless. */
export const HARD_EXIT_MARGIN_MS = 2_000;

/**
 * Installs the signal handlers; the second signal exits at once, and a (kept-alive) timer ends the process
 * `hardExitMs` after the first whatever is still running.
 */
export function onSignals(
  run: (signal: string) => Promise<number>,
  hardExitMs: number,
  exit: (code: number) => void = (c) => process.exit(c),
): void {
  let started = false;
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    process.on(sig, () => {
      if (started) {
        exit(1);
        return;
      }
      started = true;
      setTimeout(() => exit(1), hardExitMs);
      void run(sig).then(exit, () => exit(1));
    });
  }
}
