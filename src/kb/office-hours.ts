// Is the centre open at a given instant, and when does it next open (in the commune's time zone)?
import type { Commune } from './schema';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const DAY_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

function localClock(now: Date, timeZone: string): { day: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '0';
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { day, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

function ranges(c: Commune, day: number): Array<[number, number]> {
  const name = DAYS[day];
  // A weekday the clock could not read: no opening hours rather than a crash.
  if (!name) return [];
  return c.office_hours[name].map((r) => {
    // The schema checks the "HH:MM-HH:MM" form, so the parts are there.
    const [a = 0, b = 0] = r.split('-').map((hm) => {
      const [h = 0, m = 0] = hm.split(':').map(Number);
      return h * 60 + m;
    });
    return [a, b];
  });
}

export function isOpen(c: Commune, now: Date): boolean {
  const { day, minutes } = localClock(now, c.timezone);
  return ranges(c, day).some(([a, b]) => minutes >= a && minutes < b);
}

/** "8:00 sáng thứ Hai" style description of the next opening, within a week. */
export function nextOpening(c: Commune, now: Date): string | null {
  const { day, minutes } = localClock(now, c.timezone);
  for (let offset = 0; offset < 8; offset++) {
    const d = (day + offset) % 7;
    const name = DAY_VI[d]!; // d is 0..6
    const start = ranges(c, d)
      .map(([a]) => a)
      .find((a) => offset > 0 || a > minutes);
    if (start !== undefined) {
      const hh = Math.floor(start / 60);
      const mm = String(start % 60).padStart(2, '0');
      const when = offset === 0 ? 'hôm nay' : offset === 1 ? 'ngày mai' : name;
      return `${hh}:${mm} ${when}${offset === 1 ? ` (${name})` : ''}`;
    }
  }
  return null;
}
