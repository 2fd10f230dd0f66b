// Vietnamese phone numbers as exports write them: "0912 345 678", "+84 912345678", "84-912-345-678", or a
// workbook number that lost its leading zero (912345678). Kept in the national form 0xxxxxxxxx.
import type { Cell } from './sheet';

const NATIONAL = /^0\d{9,10}$/; // 10 digits for mobiles, 11 for some landlines

export function normalizePhone(cell: Cell): string | null {
  if (cell === null || cell instanceof Date) return null;
  let digits = String(cell).replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (/^84\d{9,10}$/.test(digits)) digits = `0${digits.slice(2)}`;
  else if (/^[1-9]\d{8,9}$/.test(digits)) digits = `0${digits}`;
  return NATIONAL.test(digits) ? digits : null;
}
