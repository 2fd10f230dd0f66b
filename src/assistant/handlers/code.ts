// A status question without a usable receipt code: ask for it, or explain its form.
import { askCode as askCodeText, badCode as badCodeText } from '../../dialogue/answers/status';
import { failed, type Handler } from './handler';

export const askCode: Handler<'ask_code'> = (_plan, t) => ({ draft: askCodeText(), next: t.base });

export const badCode: Handler<'bad_code'> = (plan, t) => failed(t, badCodeText(plan.raw));
