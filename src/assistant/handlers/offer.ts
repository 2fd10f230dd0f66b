// The bot is unsure which procedure is meant and offers it (or two) to confirm: a yes or a tap settles it.
import { didYouMean as didYouMeanText, whichProcedure } from '../../dialogue/answers/fallback';
import type { Handler } from './handler';

export const which: Handler<'which'> = (plan, t) => {
  const offered = plan.procedures.filter((id) => t.names.has(id));
  return {
    draft: whichProcedure(offered.map((id) => t.names.get(id) ?? id)),
    next: { ...t.base, offered, aspect: plan.aspect },
  };
};

export const didYouMean: Handler<'did_you_mean'> = (plan, t) => ({
  draft: didYouMeanText(t.names.get(plan.procedure) ?? plan.procedure),
  next: { ...t.base, offered: [plan.procedure], aspect: plan.aspect },
});
