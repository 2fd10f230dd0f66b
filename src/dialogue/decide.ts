// Decides what to do with one understood message in the context of the conversation.
// Pure: no I/O; the assistant carries out the plan (lookups, records) and composes the reply.
import type { Aspect, Intent } from '../core/labels';
import type { Understanding } from '../nlu/understanding';
import type { CueReading } from '../nlu/aspect-cues';
import { foldKey } from '../nlu/fold';
import { optionAction, type View } from './options';
import type { DialogueState } from './state';

export type Plan =
  | {
      kind: 'procedure';
      procedure: string;
      aspect: Aspect;
      view?: View;
      unit?: string;
      /** The conversation chose the procedure (a follow-up, "còn X thì sao?", "cái kia", a yes): no other procedure's unit takes the question. */
      settled?: boolean;
    }
  | { kind: 'which'; procedures: string[]; aspect: Aspect }
  | { kind: 'did_you_mean'; procedure: string; aspect: Aspect }
  /** A bare aspect question with no procedure in the conversation: which procedure? */
  | { kind: 'ask_procedure'; aspect: Aspect; procedures: string[] }
  | { kind: 'lookup'; code: string }
  | { kind: 'ask_code' }
  | { kind: 'bad_code'; raw: string | null }
  | { kind: 'notify' }
  | { kind: 'menu' }
  /** "Cho em hỏi" alone: the question is still to come. */
  | { kind: 'invite' }
  | { kind: 'greeting' | 'thanks' | 'goodbye' | 'office' | 'handoff' | 'complaint' | 'out_of_scope' }
  /** Another office's procedure (or one the bot has no guide for): who handles it, from knowledge/elsewhere/. */
  | { kind: 'elsewhere'; redirect: string }
  | { kind: 'not_understood' };

/** Every confidence threshold of the dialogue, in one place (the classifier may change; these are tuned to its calibration). */
export interface Thresholds {
  /** Answer directly at or above this confidence. */
  answer: number;
  /** Between clarify and answer: ask "did you mean ...?"; below: apologise and offer help. */
  clarify: number;
  /** Ask "which one?" when the runner-up procedure has at least this share of the best one's probability. */
  ambiguity: number;
  /**
   * Confidently something else: another intent (a greeting, thanks, a hand-off...) outweighs reading an
   * aspect-only message as a follow-up from this confidence on; and a procedure guess for a message that
   * names no procedure is trusted without context from here.
   */
  sure: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { answer: 0.5, clarify: 0.2, ambiguity: 0.6, sure: 0.8 };

/** What the dialogue knows beyond the message: the procedures' names and the aspect cue words. */
export interface Known {
  /** Procedure id → display name (to recognise a tapped procedure option). */
  procedures: ReadonlyMap<string, string>;
  /** The aspect cue words of a normalised message, whatever its intent, and the words no cue covers. */
  cues: (normalized: string) => CueReading;
}

export interface Decision {
  plan: Plan;
  /** The understanding after context (what `converse` reports). */
  intent: Intent;
  procedure: string | null;
  aspect: Aspect | null;
  code: string | null;
}

// Patterns run on folded, normalised text ("còn" reads "con", "kia" stays "kia").
// "còn X thì sao?", "thế còn X", "vậy còn X".
const FOLLOW_UP = /^(?:(?:the|vay|a|da)\s+)?con\b.*\bthi\s+(?:sao|the nao)\b|^(?:the|vay)\s+con\b/;
const NOTIFY = /\b(bao|thong bao|nhan tin|bao lai|bao giup|bao cho)\b.*\b(khi|luc|ket qua|xong)\b/;
// "cái kia", "thủ tục trước", "quay lại cái lúc nãy": the procedure before the current one.
const THE_OTHER =
  /\b(?:cai|thu tuc|vu|viec)\s+(?:kia|truoc|luc nay|hoi nay|ban nay|vua nay|vua roi)\b|^(?:quay|tro)\s+lai\b/;
// "cái đó", "thủ tục này": the current one.
const THIS_ONE = /\b(?:cai|thu tuc|vu|viec)\s+(?:do|nay|ay)\b/;
// "quay lại khai sinh", "còn vụ khai sinh lúc nãy": a procedure asked about earlier.
const BACK = /\b(?:quay lai|tro lai|luc nay|hoi nay|ban nay|luc truoc|hoi truoc|vua nay)\b/;
// "cho em hỏi", "em muốn hỏi chút ạ" with nothing after: an opener, not a request for a person.
const OPENER =
  /^(?:(?:ad|admin|anh|chi|em|ban|alo|da|vang)\s+(?:oi\s+)?)*(?:(?:cho|xin|de)\s+)?(?:(?:em|minh|toi|chau|con|to|tui)\s+)?(?:(?:xin|muon|can|dinh)\s+)*hoi(?:\s+(?:chut|xiu|ti|cai|voi|a|nhe|nha|thu|mot chut|mot cau|mot ti|may cau|duoc khong|dc khong|duoc ko))*$/;
const AFFIRM = new Set([
  'vang',
  'u',
  'uh',
  'um',
  'uhm',
  'uk',
  'ok',
  'oke',
  'okay',
  'yes',
  'dung',
  'phai',
  'chuan',
  'co',
  'xac',
]);
const DENY = new Set(['khong', 'ko', 'k', 'kg', 'sai', 'nham', 'no']);
const PARTICLES = new Set([
  'da',
  'roi',
  'a',
  'nhe',
  'nha',
  'vay',
  'the',
  'chinh',
  'em',
  'ad',
  'oi',
  'la',
  'phai',
  'chua',
]);
const SHORT_FOLLOW_UP_TOKENS = 8;
/** Words that name no procedure ("thì sao", "cần", "không"): beside a cue they leave it a bare aspect question. */
const FILLER = new Set(
  'a ad anh ban bac cai can chi cho chua co con da day do duoc dc em gi ha hoi j k khong ko la lam ma minh nao nay nha nhe nhi oi phai roi sao the thi toi vay voi xin'.split(
    ' ',
  ),
);
/** Offered to tap when an aspect is asked with no procedure yet (the centre's most asked procedures). */
const COMMON_PROCEDURES = ['khai-sinh', 'chung-thuc-ban-sao', 'cu-tru'];

function decision(
  plan: Plan,
  intent: Intent,
  procedure: string | null = null,
  aspect: Aspect | null = null,
  code: string | null = null,
): Decision {
  return { plan, intent, procedure, aspect, code };
}

/** Only `words` (and polite particles) in the message, at least one of them: a bare yes or no. */
function onlyWords(normalized: string, words: ReadonlySet<string>): boolean {
  const tokens = normalized.split(' ').filter(Boolean);
  return tokens.some((w) => words.has(w)) && tokens.every((w) => words.has(w) || PARTICLES.has(w));
}

function settled(procedure: string, aspect: Aspect): Decision {
  return decision({ kind: 'procedure', procedure, aspect, settled: true }, 'procedure', procedure, aspect);
}

/** Confidently not about a procedure: context does not turn it into a follow-up. */
function confidentlyOther(u: Understanding, t: Thresholds): boolean {
  if (u.intent === 'procedure' || u.confidence < t.sure) return false;
  // Plain out-of-scope ("còn lệ phí thì sao?" can look it) is re-read; another authority's procedure is not.
  if (u.intent === 'out_of_scope') return u.redirect !== null;
  // A status lookup without a code ("trả tiền" reads like one) is no reason to drop the procedure.
  return u.intent !== 'status_lookup';
}

/** Words of a procedure name that say nothing of which one it is. */
const GENERIC_NAME = new Set(['dang', 'ky', 'thu', 'tuc', 'cap']);
/** The first two telling words of a procedure's name ("khai sinh" of "Đăng ký khai sinh"), as people say it. */
function nameKey(name: string): string {
  return foldKey(name)
    .split(' ')
    .filter((w) => !GENERIC_NAME.has(w))
    .slice(0, 2)
    .join(' ');
}

/** Words of the message that neither a cue nor a filler word covers. */
const restOf = (cues: CueReading) => cues.rest.filter((w) => !FILLER.has(w));

/**
 * The message asks only about an aspect: it names no procedure, or has nothing but cue and filler words
 * ("bản sao", "thời gian giải quyết" may look like naming one to the classifier), or one word more that
 * the classifier cannot place on a procedure with confidence.
 */
function aspectOnly(u: Understanding, cues: CueReading, t: Thresholds): boolean {
  if (!u.namesAspect) return false;
  if (!u.namesProcedure) return true;
  const rest = restOf(cues);
  return rest.length === 0 || (rest.length === 1 && !(u.intent === 'procedure' && u.confidence >= t.answer));
}

/** The aspect a message asks about: the cue words of a message made of them, else the aspect model's reading, else the cue words. */
function askedAspect(u: Understanding, cues: CueReading): Aspect | null {
  if (restOf(cues).length === 0 && cues.aspect) return cues.aspect;
  if (u.intent === 'procedure' && u.aspect && u.aspect !== 'general') return u.aspect;
  return cues.aspect;
}

function procedurePlan(u: Understanding, s: DialogueState, known: Known, t: Thresholds): Decision {
  const [best, second] = u.procedureCandidates;
  const procedure = u.procedure ?? best?.procedure ?? null;
  let aspect: Aspect = u.aspect ?? 'general';
  if (u.namesProcedure && !u.namesAspect && s.aspect) {
    // "còn kết hôn thì sao?": new procedure, same aspect, and no unit of the old one takes it.
    if (procedure && FOLLOW_UP.test(u.normalized)) return settled(procedure, s.aspect);
    if (u.normalized.split(' ').length <= SHORT_FOLLOW_UP_TOKENS) aspect = s.aspect;
  }
  if (!procedure || !known.procedures.has(procedure))
    return decision({ kind: 'not_understood' }, 'procedure');
  if (u.confidence >= t.answer)
    return decision({ kind: 'procedure', procedure, aspect }, 'procedure', procedure, aspect);
  if (second && best && second.p >= best.p * t.ambiguity) {
    return decision(
      { kind: 'which', procedures: [best.procedure, second.procedure], aspect },
      'procedure',
      procedure,
      aspect,
    );
  }
  if (u.confidence >= t.clarify)
    return decision({ kind: 'did_you_mean', procedure, aspect }, 'procedure', procedure, aspect);
  return decision({ kind: 'not_understood' }, 'procedure', procedure, aspect);
}

/** Follow-ups and references that the conversation so far decides; null when the message stands alone. */
function inContext(u: Understanding, s: DialogueState, known: Known, t: Thresholds): Decision | null {
  const text = u.normalized;
  // Without a cue word the aspect model's guess is no reason to leave the aspect being talked about.
  const cues = known.cues(text);
  const aspect = u.namesAspect ? askedAspect(u, cues) : null;
  // A reference ("cái kia") yields only to a confident reading of a procedure the message names.
  const unsure = !(u.intent === 'procedure' && u.namesProcedure && u.confidence >= t.sure);
  // A yes or no to "có phải anh/chị hỏi về X không?".
  const [onlyOffered, ...moreOffered] = s.offered;
  if (onlyOffered !== undefined && moreOffered.length === 0 && onlyWords(text, AFFIRM))
    return settled(onlyOffered, s.aspect ?? 'general');
  if (s.offered.length > 0 && onlyWords(text, DENY))
    return decision({ kind: 'menu' }, 'procedure', null, s.aspect);
  const [before] = s.history;
  if (before !== undefined && unsure && THE_OTHER.test(text))
    return settled(before, aspect ?? s.aspect ?? 'general');
  if (s.procedure && unsure && THIS_ONE.test(text))
    return settled(s.procedure, aspect ?? s.aspect ?? 'general');
  if (u.namesProcedure && BACK.test(text)) {
    // The classifier's procedure if it was talked about; else the earlier procedure the message names
    // ("quay lại khai sinh" reads like "đăng ký lại khai sinh" to the classifier).
    const earlier = [s.procedure, ...s.history].filter((p): p is string => p !== null);
    const back =
      u.procedure && earlier.includes(u.procedure)
        ? u.procedure
        : earlier.find((p) => ` ${text} `.includes(` ${nameKey(known.procedures.get(p) ?? '')} `));
    if (back) return settled(back, aspect ?? s.aspect ?? 'general');
  }
  if (!aspectOnly(u, cues, t)) return null;
  // Nothing but cue and filler words ("thời hạn", "làm ở đâu") is a follow-up whatever the classifier
  // says of so short a text; with more words, a confident other reading wins.
  if (restOf(cues).length > 0 && confidentlyOther(u, t)) return null;
  // "mất bao lâu", "phí thế nào" after a procedure question: that procedure, this aspect.
  if (s.procedure && known.procedures.has(s.procedure)) return settled(s.procedure, aspect ?? 'general');
  // No procedure yet: a guess from an aspect-only message would be a wrong answer half the time.
  const taughtFollowUp = u.intent === 'procedure' && u.procedure === null;
  const trusted = u.intent === 'procedure' && u.procedure !== null && u.confidence >= t.sure;
  if (!trusted && (taughtFollowUp || text.split(' ').length <= SHORT_FOLLOW_UP_TOKENS)) {
    const procedures = COMMON_PROCEDURES.filter((p) => known.procedures.has(p));
    return decision(
      { kind: 'ask_procedure', aspect: aspect ?? 'general', procedures },
      'procedure',
      null,
      aspect,
    );
  }
  return null;
}

export function decide(
  u: Understanding,
  s: DialogueState,
  known: Known,
  t: Thresholds = DEFAULT_THRESHOLDS,
): Decision {
  const tapped = optionAction(u.text);
  if (tapped) {
    switch (tapped.kind) {
      case 'aspect':
        return s.procedure
          ? decision(
              { kind: 'procedure', procedure: s.procedure, aspect: tapped.aspect },
              'procedure',
              s.procedure,
              tapped.aspect,
            )
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
        const aspect =
          tapped.view === 'legal_basis' ? 'general' : tapped.view === 'all_fees' ? 'fee' : 'documents';
        return decision(
          { kind: 'procedure', procedure: s.procedure, aspect, view: tapped.view },
          'procedure',
          s.procedure,
          aspect,
        );
      }
    }
  }
  const key = foldKey(u.text);
  for (const [id, name] of known.procedures) {
    if (foldKey(name) === key) {
      const aspect = s.aspect ?? 'general';
      return decision({ kind: 'procedure', procedure: id, aspect }, 'procedure', id, aspect);
    }
  }
  if (u.code) return decision({ kind: 'lookup', code: u.code }, 'status_lookup', null, null, u.code);
  if (u.malformedCode) return decision({ kind: 'bad_code', raw: u.malformedCode }, 'status_lookup');
  if (s.lastCode && NOTIFY.test(u.normalized))
    return decision({ kind: 'notify' }, 'status_lookup', null, null, s.lastCode);
  const contextual = inContext(u, s, known, t);
  if (contextual) return contextual;
  // A procedure the catalogue knows, even mid-conversation ("hộ chiếu làm ở đâu" after khai sinh): a polite
  // redirect is never harmful, so the "did you mean" threshold is enough (a bare aspect question in context
  // was taken as a follow-up above unless the redirect is confident).
  if (u.intent === 'out_of_scope' && u.redirect && u.confidence >= t.clarify) {
    return decision({ kind: 'elsewhere', redirect: u.redirect }, 'out_of_scope');
  }
  if (OPENER.test(u.normalized)) return decision({ kind: 'invite' }, 'greeting');
  if (u.intent === 'procedure') return procedurePlan(u, s, known, t);
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
