/** One problem found in a data file, printed as "file: field: reason". */
export interface Problem {
  file: string;
  field: string;
  reason: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.field}: ${p.reason}`;
}
