// After the decision: does one answerable unit answer the question? Within the understood procedure the
// unit finder decides between a unit and the aspect's section. A message the classifier could not place,
// or placed on another procedure without naming one ("thế quá hạn thì sao?"), may still ask about the
// procedure in context: then a unit of that procedure answers if it matches clearly. And a runner-up of
// the classifier, or the procedure in context, whose unit answers the question far better than anything
// of the first takes the question ("đi khai sinh có phải mang giấy kết hôn của bố mẹ không" is about
// khai sinh; "khai sinh xong có phải đăng ký thường trú không", asked about khai sinh, too).
import type { Understanding } from '../nlu/understanding';
import type { Decision } from './decide';
import { optionAction } from './options';
import type { DialogueState } from './state';
import type { UnitFinder } from './units';

/** A follow-up reaches a unit of the procedure in context only from this similarity on. */
export const FOLLOW_UP_THRESHOLD = 0.35;
/** A runner-up procedure needs this much probability to be considered, and a unit this much better. */
export const CANDIDATE_MIN_P = 0.05;
export const CANDIDATE_MARGIN = 0.2;
const UNPLACED = new Set(['not_understood', 'out_of_scope', 'did_you_mean', 'which']);

export function reachUnit(
  d: Decision,
  u: Understanding,
  s: DialogueState,
  finder: UnitFinder,
  day: string,
): Decision {
  // A tapped option means exactly its action.
  if (optionAction(u.text)) return d;
  const plan = d.plan;
  const settled = plan.kind === 'procedure' && plan.settled === true;
  const elsewhere =
    plan.kind === 'procedure' && !u.namesProcedure && s.procedure !== null && plan.procedure !== s.procedure;
  if (s.procedure && !settled && (UNPLACED.has(plan.kind) || elsewhere)) {
    const m = finder.find(s.procedure, u.text, s.aspect, day, FOLLOW_UP_THRESHOLD);
    if (m) {
      const aspect = m.unit.aspect;
      return {
        plan: { kind: 'procedure', procedure: s.procedure, aspect, unit: m.unit.id },
        intent: 'procedure',
        procedure: s.procedure,
        aspect,
        code: null,
      };
    }
  }
  if (plan.kind !== 'procedure' || plan.view) return d;
  if (settled) {
    const own = finder.find(plan.procedure, u.text, plan.aspect, day);
    return own ? { ...d, plan: { ...plan, unit: own.unit.id } } : d;
  }
  const here = finder.bestScore(plan.procedure, u.text, plan.aspect, day);
  let best: { procedure: string; unit: string; score: number } | null = null;
  const others = new Set(u.procedureCandidates.filter((c) => c.p >= CANDIDATE_MIN_P).map((c) => c.procedure));
  if (s.procedure) others.add(s.procedure);
  others.delete(plan.procedure);
  for (const procedure of others) {
    const m = finder.find(procedure, u.text, plan.aspect, day);
    if (m && m.score >= here + CANDIDATE_MARGIN && m.score > (best?.score ?? 0))
      best = { procedure, unit: m.unit.id, score: m.score };
  }
  if (best)
    return { ...d, plan: { ...plan, procedure: best.procedure, unit: best.unit }, procedure: best.procedure };
  const m = finder.find(plan.procedure, u.text, plan.aspect, day);
  return m ? { ...d, plan: { ...plan, unit: m.unit.id } } : d;
}
