// One procedure plan → its answer: an option's view, a unit, or the aspect's section.
import type { Procedure } from '../../kb/schema';
import type { Plan } from '../decide';
import type { Draft } from '../draft';
import { procedureAnswer, procedureView } from './procedure';
import { unitAnswer } from './unit';

export function answerProcedure(
  p: Procedure,
  plan: Extract<Plan, { kind: 'procedure' }>,
  day: string,
): Draft {
  if (plan.view) return procedureView(p, plan.view, day);
  const unit = plan.unit ? p.units.find((u) => u.id === plan.unit) : undefined;
  return unit ? unitAnswer(p, unit, day) : procedureAnswer(p, plan.aspect, day);
}
