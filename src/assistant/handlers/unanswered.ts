// Messages the bot cannot help with: an apology and what the citizen can do instead.
import {
  notUnderstood as notUnderstoodText,
  outOfScope as outOfScopeText,
} from '../../dialogue/answers/fallback';
import { failed, type Handler } from './handler';

export const outOfScope: Handler<'out_of_scope'> = (_plan, t) => failed(t, outOfScopeText(t.kb.commune));

export const notUnderstood: Handler<'not_understood'> = (_plan, t) =>
  failed(t, notUnderstoodText(t.kb.commune, t.state.failures > 0));
