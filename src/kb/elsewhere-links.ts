// The catalogue (knowledge/elsewhere/) and its training examples (intents/elsewhere/) must name the same
// entries: a redirect the model learns without an entry ends in the generic apology, and an entry without
// examples is never recognised.
import type { Problem } from '../core/problem';

export function redirectLinkProblems(
  entryIds: Iterable<string>,
  examples: ReadonlyArray<{ redirect?: string; source: string }>,
): Problem[] {
  const entries = new Set(entryIds);
  const taught = new Set<string>();
  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const e of examples) {
    if (!e.redirect) continue;
    taught.add(e.redirect);
    if (entries.has(e.redirect) || reported.has(e.redirect)) continue;
    reported.add(e.redirect);
    problems.push({
      file: `intents/${e.source}`,
      field: 'redirect',
      reason: `${e.redirect} is not in the catalogue (no knowledge/elsewhere/${e.redirect}.yaml)`,
    });
  }
  for (const id of entries) {
    if (!taught.has(id))
      problems.push({
        file: `elsewhere/${id}.yaml`,
        field: 'id',
        reason: `has no training examples (write intents/elsewhere/${id}.yaml)`,
      });
  }
  return problems;
}
