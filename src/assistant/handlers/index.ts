// Every plan kind's handler, and the one place a plan is dispatched to its handler.
import type { Plan } from '../../dialogue/decide';
import { askProcedure, menu } from './choose-procedure';
import { askCode, badCode } from './code';
import { goodbye, greeting, invite, thanks } from './courtesy';
import { elsewhere } from './elsewhere';
import type { Handler, Handlers, Outcome, TurnContext } from './handler';
import { lookup } from './lookup';
import { notify } from './notify';
import { didYouMean, which } from './offer';
import { office } from './office';
import { complaint, handoff } from './people';
import { procedure } from './procedure';
import { notUnderstood, outOfScope } from './unanswered';

export type { Outcome, TurnContext, TurnPorts } from './handler';

const HANDLERS: Handlers = {
  procedure,
  which,
  did_you_mean: didYouMean,
  ask_procedure: askProcedure,
  menu,
  invite,
  ask_code: askCode,
  bad_code: badCode,
  lookup,
  notify,
  greeting,
  thanks,
  goodbye,
  office,
  handoff,
  complaint,
  out_of_scope: outOfScope,
  elsewhere,
  not_understood: notUnderstood,
};

export async function carryOut(plan: Plan, t: TurnContext): Promise<Outcome> {
  // TypeScript cannot correlate a union's kind with its handler's parameter: the record's type does.
  const handler = HANDLERS[plan.kind] as Handler<Plan['kind']>;
  return handler(plan, t);
}
