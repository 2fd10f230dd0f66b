// Decides what to do with one understood message in the context of the conversation.
// Pure: no I/O; the assistant carries out the plan (lookups, records) and composes the reply.
import type { Aspect, Intent } from '../core/labels';
import type { Understanding } from '../nlu/understanding';
import { foldKey } from '../nlu/fold';
import { optionAction, type View } from './options';
import type { DialogueState } from './state';

export type Plan =
  | { kind: 'procedure'; procedure: string; aspect: Aspect; view?: View; unit?: string }
  | { kind: 'which'; procedures: string[]; aspect: Aspect }
  | { kind: 'did_you_mean'; procedure: string; aspect: Aspect }
  | { kind: 'lookup'; code: string }
  | { kind: 'ask_code' }
  | { kind: 'bad_code'; raw: string | null }
  | { kind: 'notify' }
  | { kind: 'menu' }
  | { kind: 'greeting' | 'thanks' | 'goodbye' | 'office' | 'handoff' | 'complaint' | 'out_of_scope' }
  /** Another office's procedure (or one the bot has no guide for): who handles it, from knowledge/elsewhere/. */
  | { kind: 'elsewhere'; redirect: string }
  | { kind: 'not_understood' };

export interface Thresholds {
  /** Answer directly at or above this confidence. */
  answer: number;
  /** Between clarify and answer: ask "did you mean ...?"; below: apologise and offer help. */
  clarify: number;
  /** Ask "which one?" when the runner-up procedure has at least this share of the best one's probability. */
  ambiguity: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { answer: 0.5, clarify: 0.2, ambiguity: 0.6 };

export interface Decision {
  plan: Plan;
  /** The understanding after context (what `converse` reports). */
  intent: Intent;
  procedure: string | null;
  aspect: Aspect | null;
  code: string | null;
}

// "còn X thì sao?", "thế còn X", "vậy còn X" (folded: "còn" reads "con", so anchor the pattern).
const FOLLOW_UP = /^(?:(?:the|vay|a|da)\s+)?con\b.*\bthi\s+(?:sao|the nao)\b|^(?:the|vay)\s+con\b/;
const NOTIFY = /\b(bao|thong bao|nhan tin|bao lai|bao giup|bao cho)\b.*\b(khi|luc|ket qua|xong)\b/;
const SHORT_FOLLOW_UP_TOKENS = 8;

function decision(plan: Plan, intent: Intent, procedure: string | null = null, aspect: Aspect | null = null, code: string | null = null): Decision {
  return { plan, intent, procedure, aspect, code };
}

function procedurePlan(u: Understanding, s: DialogueState, procedureNames: ReadonlyMap<string, string>, t: Thresholds): Decision {
  const [best, second] = u.procedureCandidates;
  let procedure = u.procedure ?? best?.procedure ?? null;
  let aspect: Aspect = u.aspect ?? 'general';
  let confidence = u.confidence;
  // "lệ phí bao nhiêu?" after a question about a procedure: same procedure, new aspect.
  if (!u.namesProcedure && u.namesAspect && s.procedure && procedureNames.has(s.procedure)) {
    procedure = s.procedure;
    confidence = 1;
  } else if (u.namesProcedure && !u.namesAspect && s.aspect && (FOLLOW_UP.test(u.normalized) || u.normalized.split(' ').length <= SHORT_FOLLOW_UP_TOKENS)) {
    // "còn kết hôn thì sao?": new procedure, same aspect.
    aspect = s.aspect;
  }
  if (!procedure) return decision({ kind: 'not_understood' }, 'procedure');
  if (confidence >= t.answer) return decision({ kind: 'procedure', procedure, aspect }, 'procedure', procedure, aspect);
  if (second && best && second.p >= best.p * t.ambiguity) {
    return decision({ kind: 'which', procedures: [best.procedure, second.procedure], aspect }, 'procedure', procedure, aspect);
  }
  if (confidence >= t.clarify) return decision({ kind: 'did_you_mean', procedure, aspect }, 'procedure', procedure, aspect);
  return decision({ kind: 'not_understood' }, 'procedure', procedure, aspect);
}

/**
 * @param procedureNames procedure id → display name (to recognise a tapped procedure option)
 */
export function decide(u: Understanding, s: DialogueState, procedureNames: ReadonlyMap<string, string>, t: Thresholds = DEFAULT_THRESHOLDS): Decision {
  const tapped = optionAction(u.text);
  if (tapped) {
    switch (tapped.kind) {
      case 'aspect':
        return s.procedure
          ? decision({ kind: 'procedure', procedure: s.procedure, aspect: tapped.aspect }, 'procedure', s.procedure, tapped.aspect)
          : decision({ kind: 'menu' }, 'procedure', null, tapped.aspect);
      case 'lookup':
        return decision({ kind: 'ask_code' }, 'status_lookup');
      case 'hours':
        return decision({ kind: 'office' }, 'office_info');
      case 'human':
        return decision({ kind: 'handoff' }, 'ask_human');
      case 'notify':
        return decision({ kind: 'notify' }, 'status_lookup', null, null, s.lastCode);
      case 'procedures':
        return decision({ kind: 'menu' }, 'procedure');
      case 'view': {
        if (!s.procedure) return decision({ kind: 'menu' }, 'procedure');
        const aspect = tapped.view === 'legal_basis' ? 'general' : tapped.view === 'all_fees' ? 'fee' : 'documents';
        return decision({ kind: 'procedure', procedure: s.procedure, aspect, view: tapped.view }, 'procedure', s.procedure, aspect);
      }
    }
  }
  const key = foldKey(u.text);
  for (const [id, name] of procedureNames) {
    if (foldKey(name) === key) {
      const aspect = s.aspect ?? 'general';
      return decision({ kind: 'procedure', procedure: id, aspect }, 'procedure', id, aspect);
    }
  }
  if (u.code) return decision({ kind: 'lookup', code: u.code }, 'status_lookup', null, null, u.code);
  if (u.malformedCode) return decision({ kind: 'bad_code', raw: u.malformedCode }, 'status_lookup');
  if (s.lastCode && NOTIFY.test(u.normalized)) return decision({ kind: 'notify' }, 'status_lookup', null, null, s.lastCode);
  if (u.intent === 'procedure') return procedurePlan(u, s, procedureNames, t);
  // A procedure the catalogue knows, even mid-conversation ("hộ chiếu làm ở đâu" after khai sinh): a polite
  // redirect is never harmful, so the "did you mean" threshold is enough, except for a bare aspect question in
  // a conversation about a procedure ("mất bao lâu?"), which is a follow-up unless the redirect is confident.
  const followUp = s.procedure !== null && u.namesAspect && !u.namesProcedure;
  if (u.intent === 'out_of_scope' && u.redirect && u.confidence >= (followUp ? t.answer : t.clarify)) {
    return decision({ kind: 'elsewhere', redirect: u.redirect }, 'out_of_scope');
  }
  // A bare aspect question ("còn lệ phí thì sao?") may look out of scope on its own; in context it is a follow-up.
  if (u.intent === 'out_of_scope' && !u.namesProcedure && u.namesAspect && s.procedure) {
    return procedurePlan({ ...u, intent: 'procedure', procedure: s.procedure }, s, procedureNames, t);
  }
  if (u.confidence < t.clarify) return decision({ kind: 'not_understood' }, u.intent);
  switch (u.intent) {
    case 'status_lookup':
      return decision({ kind: 'ask_code' }, 'status_lookup');
    case 'greeting':
    case 'thanks':
    case 'goodbye':
    case 'complaint':
    case 'out_of_scope':
      return decision({ kind: u.intent }, u.intent);
    case 'office_info':
      return decision({ kind: 'office' }, u.intent);
    case 'ask_human':
      return decision({ kind: 'handoff' }, u.intent);
  }
}
