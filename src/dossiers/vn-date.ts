// Dates in provincial exports: "dd/mm/yyyy" (optionally with "hh:mm[:ss]"), ISO "yyyy-mm-dd", or, in a
// workbook, a date cell or an Excel serial number. All are wall-clock times in Vietnam.
import type { Cell } from './sheet';
import { vnInstant } from '../core/vn-time';

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
// Serials between 1954 and 2099: anything else in a date column is a typo, not a date.
const SERIAL_RANGE = [20_000, 73_000] as const;

function wallClock(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | null {
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  // Reject 31/02 and the like: the day must survive a round trip through the calendar.
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  return vnInstant(y, mo, d, h, mi, s);
}

/** The instant a cell names, or null when it is not a date. */
export function parseVnDate(cell: Cell): Date | null {
  if (cell instanceof Date) {
    // Workbook dates carry the wall-clock time in their UTC fields (a workbook has no time zone).
    return Number.isNaN(cell.getTime())
      ? null
      : wallClock(
          cell.getUTCFullYear(),
          cell.getUTCMonth() + 1,
          cell.getUTCDate(),
          cell.getUTCHours(),
          cell.getUTCMinutes(),
          cell.getUTCSeconds(),
        );
  }
  if (typeof cell === 'number') {
    if (cell < SERIAL_RANGE[0] || cell > SERIAL_RANGE[1]) return null;
    return parseVnDate(new Date(EXCEL_EPOCH_MS + Math.round(cell * DAY_MS)));
  }
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  const dmy = DMY.exec(text);
  if (dmy)
    return wallClock(
      Number(dmy[3]),
      Number(dmy[2]),
      Number(dmy[1]),
      Number(dmy[4] ?? 0),
      Number(dmy[5] ?? 0),
      Number(dmy[6] ?? 0),
    );
  const ymd = YMD.exec(text);
  if (ymd)
    return wallClock(
      Number(ymd[1]),
      Number(ymd[2]),
      Number(ymd[3]),
      Number(ymd[4] ?? 0),
      Number(ymd[5] ?? 0),
      Number(ymd[6] ?? 0),
    );
  return null;
}
