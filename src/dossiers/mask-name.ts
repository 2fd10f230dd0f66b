// Applicant names are kept but never shown in full: "Nguyễn Văn An" → "Nguyễn V*** A".
export function maskName(full: string): string {
  const parts = full.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  const [family, ...rest] = parts;
  if (family === undefined) return '***';
  const given = rest.pop();
  if (given === undefined) return `${family.charAt(0)}***`;
  const middle = rest.map((p) => `${p.charAt(0)}***`);
  return [family, ...middle, given.charAt(0)].join(' ') + (middle.length ? '' : '***');
}
