// Calendar days on the Vietnamese calendar (UTC+7), as "YYYY-MM-DD", for the dashboard's date range.
import { vnDayNumber, vnInstant } from '../../core/vn-time';

const DAY_MS = 86_400_000;

export const dayOf = (d: Date): string => new Date(vnDayNumber(d) * DAY_MS).toISOString().slice(0, 10);

/** The first instant of a day. */
export function dayStart(day: string): Date {
  // `day` is a checked YYYY-MM-DD day.
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return vnInstant(y, m, d);
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}
