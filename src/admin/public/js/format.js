// @ts-check
// Dates as staff read them (Vietnamese calendar and clock).
const TZ = 'Asia/Ho_Chi_Minh';
const dateTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TZ,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const dateOnly = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TZ,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const isoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "dd/mm/yyyy hh:mm": the day first, as staff write it (vi-VN alone puts the clock first). */
export const when = (iso) => {
  if (!iso) return '';
  const p = Object.fromEntries(dateTime.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return p.day + '/' + p.month + '/' + p.year + ' ' + p.hour + ':' + p.minute;
};
export const day = (iso) => (iso ? dateOnly.format(new Date(iso)) : '');
/** "YYYY-MM-DD" of an instant, on the Vietnamese calendar. */
export const dayKey = (d) => isoDay.format(d);
/** A calendar day "YYYY-MM-DD" as staff write it: "dd/mm/yyyy". */
export const dayText = (key) => key.split('-').reverse().join('/');
/** The same day without the year ("dd/mm"), for chart axes. */
export const dayShort = (key) => dayText(key).slice(0, 5);
/** "dd/mm/yyyy" typed by staff (d/m also accepted) → "YYYY-MM-DD", or null when it is no real day. */
export function dayFromText(text) {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
