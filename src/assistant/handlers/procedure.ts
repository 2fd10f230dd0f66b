// A question about a procedure the catalogue has: its answer, and the conversation moves to it.
import { answerProcedure } from '../../dialogue/answers/compose';
import { notUnderstood } from '../../dialogue/answers/fallback';
import { withProcedure } from '../../dialogue/state';
import { failed, type Handler } from './handler';

export const procedure: Handler<'procedure'> = (plan, t) => {
  const p = t.kb.procedures.get(plan.procedure);
  if (!p) return failed(t, notUnderstood(t.kb.commune, t.state.failures > 0));
  return {
    draft: answerProcedure(p, plan, t.today),
    next: { ...t.base, ...withProcedure(t.state, p.id), aspect: plan.aspect, failures: 0 },
  };
};
