// Personal data is kept only as long as each kind is needed (Luật Bảo vệ dữ liệu cá nhân): once a day
// every kind older than its retention is deleted, along with expired rate-limit counters.
import { RETENTION_KINDS, type RetentionKind, type Stores } from '../store/ports';
import type { RetentionDays } from './config';

const DAY = 86_400_000;

export type PurgeCounts = Record<RetentionKind | 'counters', number>;

export async function purgeExpired(
  stores: Pick<Stores, 'personalData' | 'counters'>,
  days: RetentionDays,
  now: Date,
): Promise<PurgeCounts> {
  const counts = { counters: await stores.counters.purgeExpired(now) } as PurgeCounts;
  for (const kind of RETENTION_KINDS)
    counts[kind] = await stores.personalData.purge(kind, new Date(now.getTime() - days[kind] * DAY));
  return counts;
}

export interface DailyPurge {
  stop(): void;
}

/**
 * Runs the purge now and then every day. Several instances may purge at once: deleting what is already
 * gone is harmless. A failure is reported and retried the next day.
 */
export function startDailyPurge(
  stores: Pick<Stores, 'personalData' | 'counters'>,
  days: RetentionDays,
  report: (outcome: { counts: PurgeCounts } | { error: unknown }) => void,
  everyMs = DAY,
): DailyPurge {
  const run = () =>
    purgeExpired(stores, days, new Date()).then(
      (counts) => report({ counts }),
      (error: unknown) => report({ error }),
    );
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
