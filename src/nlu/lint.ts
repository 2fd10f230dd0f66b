// Lints training data like `rasa data validate`: duplicates, one sentence under two labels,
// empty intents (reported by the loader), unknown procedure ids.
import type { Problem } from '../core/problem';
import type { Example } from './training-data';

const labelOf = (e: Example) => [e.intent, e.procedure, e.aspect].filter(Boolean).join('/');

export function lintExamples(
  examples: readonly Example[],
  normalizeKey: (text: string) => string,
  knownProcedures: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, Example>();
  for (const e of examples) {
    if (e.procedure && !knownProcedures.has(e.procedure)) {
      problems.push({
        file: e.source,
        field: 'procedure',
        reason: `unknown procedure id "${e.procedure}" (no knowledge/procedures/${e.procedure}.yaml)`,
      });
    }
    const key = normalizeKey(e.text);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, e);
      continue;
    }
    const same = labelOf(first) === labelOf(e);
    problems.push({
      file: e.source,
      field: JSON.stringify(e.text),
      reason: same
        ? `duplicate of an example in ${first.source}`
        : `same sentence as in ${first.source} but labelled ${labelOf(e)} instead of ${labelOf(first)}`,
    });
  }
  return problems;
}
