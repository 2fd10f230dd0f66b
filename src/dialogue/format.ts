// Small formatting helpers for Vietnamese replies.
export function vnd(amount: number): string {
  return amount === 0 ? 'miễn phí' : `${amount.toLocaleString('de-DE')} đồng`;
}

/** dd/mm/yyyy in Vietnam time. */
export function vnDate(d: Date, timeZone = 'Asia/Ho_Chi_Minh'): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(d);
  return parts;
}

export function numbered(items: readonly string[], start = 1): string[] {
  return items.map((t, i) => `${start + i}. ${t}`);
}

/** First letter upper-case (for "anh/chị" at the start of a sentence). */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Lower-cases the first letter of a procedure name used mid-sentence ("Đăng ký khai sinh" → "đăng ký khai sinh"). */
export function midSentence(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
