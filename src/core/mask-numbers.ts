// Staff write notes for the citizen, and sometimes paste a phone or an ID number into them. Anyone who
// knows (or guesses) the receipt code reads the note, so such numbers are shown by their last 3 digits.
// Phone: 0 or +84 then 9–10 digits, spaces or dots allowed between them (a date like 01.12.2025 is too
// short to match). ID and account numbers: 8 or more digits in a row (CMND 9, CCCD 12). Receipt codes,
// dates and amounts like 1.500.000 đồng have shorter runs and stay as written.
const PHONE = /(?<![\d+])(?:\+84|0)(?:[ .]?\d){9,10}(?!\d)/g;
const LONG_NUMBER = /(?<!\d)\d{8,}(?!\d)/g;

const masked = (s: string) => `***${s.replace(/\D/g, '').slice(-3)}`;

export function maskNumbers(text: string): string {
  return text.replace(PHONE, masked).replace(LONG_NUMBER, masked);
}
