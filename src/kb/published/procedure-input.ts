// A procedure as staff submit it (editor form or imported file): the knowledge schema's checks, a size cap
// on every text, and the id it must have. Problems come back as field + reason.
import type { Problem } from '../../core/problem';
import { validate } from '../validate';
import { procedureSchema, type Procedure } from '../schema';
import { MAX_TEXT } from '../../core/text-limit';

const MAX_ITEMS = 100;

export function sizeProblems(v: unknown, path: string, file: string, out: Problem[]): void {
  if (typeof v === 'string' && v.length > MAX_TEXT)
    out.push({ file, field: path, reason: `is too long (at most ${MAX_TEXT} characters)` });
  else if (Array.isArray(v)) {
    if (v.length > MAX_ITEMS)
      out.push({ file, field: path, reason: `has too many items (at most ${MAX_ITEMS})` });
    else v.forEach((x, i) => sizeProblems(x, `${path}.${i}`, file, out));
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) sizeProblems(x, path ? `${path}.${k}` : k, file, out);
  }
}

export function checkProcedure(
  doc: unknown,
  id: string,
  file = `procedures/${id}.yaml`,
): { procedure?: Procedure; problems: Problem[] } {
  const problems: Problem[] = [];
  sizeProblems(doc, '', file, problems);
  if (problems.length) return { problems };
  const procedure = validate(doc, file, procedureSchema, problems);
  if (procedure && procedure.id !== id)
    problems.push({ file, field: 'id', reason: `must be ${id} (ids never change)` });
  return problems.length ? { problems } : { procedure, problems };
}
