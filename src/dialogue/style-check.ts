// The "3 biết" rules as a checker, applied in tests to every reply the bot produces.
import type { Reply } from '../core/message';
import { hasVietnameseMarks } from '../nlu/fold';
import { jargonIn } from '../kb/jargon';
import { TEXT_LIMIT } from './split';
import { MAX_OPTIONS } from './finish';

/** A reply longer than this many messages no longer reads as an answer on a phone. */
export const MAX_BUBBLES = 3;

export interface StyleContext {
  /** First reply of the conversation (or after a long pause): must greet with the centre's name. */
  greet: boolean;
  centreName: string;
  /** The bot could not help: must apologise. */
  cannotHelp: boolean;
  /** An answer or a closing: must thank. */
  closing: boolean;
  /** The bot already thanked in this conversation and this is no closing: it must not thank again. */
  thankedBefore?: boolean;
  /** The citizen asked for the legal basis: law numbers are the answer, not jargon. */
  legalBasis?: boolean;
}

const THANKS = /cảm ơn/giu;

export function styleViolations(replies: readonly Reply[], ctx: StyleContext): string[] {
  const v: string[] = [];
  const first = replies[0];
  const last = replies[replies.length - 1];
  if (!first || !last) return ['no reply at all (a dead end)'];
  const all = replies.map((r) => r.text).join('\n');
  replies.forEach((r, i) => {
    if (r.text !== r.text.normalize('NFC')) v.push(`bubble ${i + 1} is not NFC`);
    if (r.text.length > TEXT_LIMIT)
      v.push(`bubble ${i + 1} is ${r.text.length} characters (limit ${TEXT_LIMIT})`);
    if (!hasVietnameseMarks(r.text)) v.push(`bubble ${i + 1} has no Vietnamese diacritics`);
    if (r.options.length > MAX_OPTIONS)
      v.push(`bubble ${i + 1} offers ${r.options.length} options (max ${MAX_OPTIONS})`);
    if (/\{a[c]\}|\{Ac\}/.test(r.text)) v.push(`bubble ${i + 1} has an unfilled placeholder`);
  });
  if (!/(?<!\p{L})(Dạ|ạ)(?!\p{L})/u.test(all)) v.push('no polite particle (Dạ / ạ)');
  if (!/anh\/chị/i.test(all)) v.push('does not address the citizen as anh/chị');
  if (/(?<!\p{L})(mày|tao|bạn)(?!\p{L})/u.test(all)) v.push('impolite or informal address');
  if (ctx.greet && !(all.includes('xin chào') && all.includes(ctx.centreName)))
    v.push('first reply does not greet with the centre name');
  if (ctx.cannotHelp && !/xin lỗi/i.test(all)) v.push('cannot help but does not apologise');
  if (ctx.closing && !/cảm ơn/i.test(all)) v.push('closing without thanks');
  const thanks = all.match(THANKS)?.length ?? 0;
  if (thanks > 1) v.push(`thanks ${thanks} times (once, at the end of the answer)`);
  if (thanks === 1 && !/cảm ơn/iu.test(last.text)) v.push('thanks before the last bubble');
  if (thanks > 0 && ctx.thankedBefore) v.push('thanks again (already thanked in this conversation)');
  if (replies.length > MAX_BUBBLES) v.push(`${replies.length} bubbles (at most ${MAX_BUBBLES})`);
  if (!ctx.legalBasis) for (const j of jargonIn(first.text)) v.push(`jargon in the first bubble: ${j.text}`);
  if (last.options.length === 0 && !/\?|ạ\.?$/.test(last.text.trim())) v.push('ends without a next step');
  if (last.options.length === 0) v.push('last bubble offers no options (next step)');
  return v;
}
