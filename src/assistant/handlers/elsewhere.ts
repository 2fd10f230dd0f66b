// Another office's procedure: who handles it, from knowledge/elsewhere/.
import { elsewhereAnswer } from '../../dialogue/answers/elsewhere';
import { outOfScope } from '../../dialogue/answers/fallback';
import { failed, type Handler } from './handler';

export const elsewhere: Handler<'elsewhere'> = (plan, t) => {
  const entry = t.kb.elsewhere.get(plan.redirect);
  // A redirect the catalogue no longer has (kb validate reports it): the generic apology, never a dead end.
  if (!entry) return failed(t, outOfScope(t.kb.commune));
  // The conversation leaves the procedure it was about: a follow-up now concerns the other office.
  return { draft: elsewhereAnswer(entry), next: { ...t.base, procedure: null, aspect: null, failures: 0 } };
};
