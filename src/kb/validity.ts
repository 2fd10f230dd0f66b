// Which facts apply on a given day. Dates are calendar days in the commune's time zone, both ends included.
export interface Dated {
  from?: string | null;
  until?: string | null;
  verified?: boolean;
  source?: string | null;
}

const DAY_MS = 86_400_000;

// One formatter per time zone: building one costs far more than formatting (it showed in every turn).
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDay(now: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function appliesOn(f: Dated, day: string): boolean {
  return (!f.from || f.from <= day) && (!f.until || day <= f.until);
}

/** The fact stops applying within `days` days (its last day included): time to say until when, or to review it. */
export function endsWithin(f: Dated, day: string, days: number): boolean {
  return !!f.until && appliesOn(f, day) && daysBetween(day, f.until) <= days;
}

export const isVerified = (f: Dated): boolean => f.verified !== false;

/** "28/02/2027" for "2027-02-28". */
export function viDate(day: string): string {
  const [y = '', m = '', d = ''] = day.split('-');
  return `${d}/${m}/${y}`;
}
