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

export const when = (iso) => (iso ? dateTime.format(new Date(iso)) : '');
export const day = (iso) => (iso ? dateOnly.format(new Date(iso)) : '');
/** "YYYY-MM-DD" of an instant, on the Vietnamese calendar. */
export const dayKey = (d) => isoDay.format(d);
/** A calendar day "YYYY-MM-DD" as staff write it: "dd/mm/yyyy". */
export const dayText = (key) => key.split('-').reverse().join('/');
/** The same day without the year ("dd/mm"), for chart axes. */
export const dayShort = (key) => dayText(key).slice(0, 5);
