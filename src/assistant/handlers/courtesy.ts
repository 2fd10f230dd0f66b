// The conversation's courtesies: an opener, a greeting, thanks, goodbye.
import { goodbyeReply, greetingReply, inviteQuestion, thanksReply } from '../../dialogue/answers/centre';
import type { Handler } from './handler';

export const invite: Handler<'invite'> = (_plan, t) => ({ draft: inviteQuestion(), next: t.base });

export const greeting: Handler<'greeting'> = (_plan, t) => ({
  draft: greetingReply(t.state.lastAt !== null),
  next: t.base,
});

export const thanks: Handler<'thanks'> = (_plan, t) => ({
  draft: thanksReply(),
  next: { ...t.base, failures: 0 },
});

/** The conversation ends: the next question starts afresh. */
export const goodbye: Handler<'goodbye'> = (_plan, t) => ({
  draft: goodbyeReply(t.kb.commune),
  next: { ...t.base, procedure: null, aspect: null, history: [], failures: 0 },
});
