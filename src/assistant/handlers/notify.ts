// "Báo cho em khi có kết quả": a subscription to the last code looked up in the conversation.
import { notifyWithoutCode, subscribed } from '../../dialogue/answers/status';
import type { Handler } from './handler';

export const notify: Handler<'notify'> = async (_plan, t) => {
  const code = t.state.lastCode;
  if (!code) return { draft: notifyWithoutCode(), next: t.base };
  await t.ports.subscribe(code);
  return { draft: subscribed(code), next: t.base };
};
