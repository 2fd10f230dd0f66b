// Applicant names are kept but never shown in full: "Nguyễn Văn An" → "Nguyễn V*** A".
export function maskName(full: string): string {
  const parts = full.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '***';
  if (parts.length === 1) return `${parts[0].charAt(0)}***`;
  const [family, ...rest] = parts;
  const given = rest.pop() as string;
  const middle = rest.map((p) => `${p.charAt(0)}***`);
  return [family, ...middle, given.charAt(0)].join(' ') + (middle.length ? '' : '***');
}
