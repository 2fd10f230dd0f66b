// The "3 biết" finishing: greet at the start of a conversation, thank when closing an answer,
// always end with a next step, address the citizen politely, split for the phone.
import type { Reply } from '../core/message';
import type { Draft } from './draft';
import { capitalize } from './format';
import { splitLines, TEXT_LIMIT } from './split';

export const MAX_OPTIONS = 4;

export interface Addressee {
  /** "anh/chị" or "anh/chị Lan" when the channel gives a display name. */
  address: string;
  centreName: string;
}

export function addressOf(displayName: string | undefined | null): string {
  const name = (displayName ?? '').trim().split(/\s+/).pop() ?? '';
  return name && /^[\p{L}]{1,20}$/u.test(name) ? `anh/chị ${name}` : 'anh/chị';
}

/** Fills "{ac}" / "{Ac}" placeholders with the citizen's address. */
export function personalize(line: string, address: string): string {
  return line.replace(/\{Ac\}/g, capitalize(address)).replace(/\{ac\}/g, address);
}

export function finish(draft: Draft, who: Addressee, greet: boolean, limit = TEXT_LIMIT): Reply[] {
  const lines: string[] = [];
  if (greet) lines.push(`Dạ, ${who.centreName} xin chào {ac} ạ! Em là trợ lý trả lời tự động của Trung tâm.`);
  lines.push(...draft.lines);
  if (draft.tone === 'answer') lines.push('Em cảm ơn {ac} đã hỏi ạ. {Ac} cần thêm thông tin gì, mời chọn bên dưới hoặc nhắn cho em ạ.');
  if (draft.tone === 'apology') lines.push('{Ac} vui lòng chọn một mục bên dưới hoặc nhắn lại giúp em ạ. Em cảm ơn {ac}!');
  const text = lines.map((l) => personalize(l, who.address));
  const bubbles = splitLines(text, limit);
  const options = draft.options.slice(0, MAX_OPTIONS);
  return bubbles.map((t, i) => ({ text: t.normalize('NFC'), options: i === bubbles.length - 1 ? options : [] }));
}
