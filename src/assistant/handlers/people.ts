// Requests that go to staff: a person to talk to, a complaint to file.
import { complaintReceived, handoff as handoffText, handoffLimited } from '../../dialogue/answers/people';
import type { Handler } from './handler';

export const handoff: Handler<'handoff'> = async (_plan, t) => {
  const c = t.kb.commune;
  if (!(await t.ports.openHandoff('asked'))) return { draft: handoffLimited(c), next: t.base };
  return { draft: handoffText(c, t.now), next: t.base };
};

export const complaint: Handler<'complaint'> = async (_plan, t) => ({
  draft: complaintReceived(t.kb.commune, await t.ports.fileComplaint(t.msg.text)),
  next: t.base,
});
