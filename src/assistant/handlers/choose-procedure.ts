// No procedure in the conversation yet: the list to choose from (for an aspect asked, the common ones).
import { askProcedureFor, procedureMenu } from '../../dialogue/answers/centre';
import type { Handler } from './handler';

export const askProcedure: Handler<'ask_procedure'> = (plan, t) => ({
  draft: askProcedureFor(
    plan.aspect,
    plan.procedures.map((id) => t.names.get(id) ?? id),
  ),
  next: { ...t.base, aspect: plan.aspect },
});

export const menu: Handler<'menu'> = (_plan, t) => ({
  draft: procedureMenu([...t.names.values()]),
  next: { ...t.base, aspect: t.decision.aspect ?? t.state.aspect },
});
