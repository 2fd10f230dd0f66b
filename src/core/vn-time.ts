// Vietnam keeps one offset all year (UTC+7, no daylight saving), so calendar days are plain arithmetic.
const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The instant of a wall-clock time in Vietnam. */
export function vnInstant(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - OFFSET_MS);
}

/** Days since 1970-01-01 on the Vietnamese calendar. */
export function vnDayNumber(d: Date): number {
  return Math.floor((d.getTime() + OFFSET_MS) / DAY_MS);
}
